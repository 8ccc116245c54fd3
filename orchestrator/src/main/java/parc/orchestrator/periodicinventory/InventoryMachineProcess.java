package parc.orchestrator.periodicinventory;

/**
 * The {@code inventory-machine} process's key and variables, shared by the code that
 * starts it and its delegates. Documented in {@code docs/processes/inventory-machine.md}.
 */
public final class InventoryMachineProcess {

	public static final String KEY = "inventory-machine";

	/** Long: the schedule run the machine belongs to. */
	public static final String RUN_ID = "runId";

	/** Long. */
	public static final String MACHINE_ID = "machineId";

	/** String: the machine's name, for Cockpit and the logs. */
	public static final String MACHINE_NAME = "machineName";

	/** String: who the inventory collection is recorded as requested by. */
	public static final String REQUESTED_BY = "requestedBy";

	/** Integer: collections tried before the machine counts as failed. */
	public static final String MAX_ATTEMPTS = "maxAttempts";

	/** String: an ISO-8601 duration between two attempts. */
	public static final String RETRY_DELAY = "retryDelay";

	/** Integer: the attempt being made, from 1. */
	public static final String ATTEMPT = "attempt";

	/** Boolean: whether the last attempt stored an inventory. */
	public static final String COLLECTED = "collected";

	/** String: why the last attempt failed. */
	public static final String COLLECTION_ERROR = "collectionError";

	/** Boolean: whether another attempt is due. */
	public static final String TRY_AGAIN = "tryAgain";

	/** The business key of a machine's instance, for Cockpit searches. */
	public static String businessKey(long machineId) {
		return "machine-" + machineId;
	}

	private InventoryMachineProcess() {
	}

}
