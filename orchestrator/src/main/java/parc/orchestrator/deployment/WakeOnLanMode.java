package parc.orchestrator.deployment;

/**
 * When a deployment wakes a machine. The names are part of {@code POST /api/deployments}.
 */
public enum WakeOnLanMode {

	/** Never send Wake-on-LAN. */
	NEVER,

	/** Wake the machine before the transfer, every time. */
	BEFORE_TRANSFER,

	/** Wake it only when the first connection fails, then try again. */
	IF_UNREACHABLE

}
