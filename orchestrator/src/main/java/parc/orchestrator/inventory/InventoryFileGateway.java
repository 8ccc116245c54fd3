package parc.orchestrator.inventory;

/**
 * Port: reads an offline inventory file into an inventory report. Implemented where the
 * OCS codec lives ({@code routes}); the orchestrator does not know the wire format.
 * Implementations are thread-safe and never read more than their configured limits.
 */
public interface InventoryFileGateway {

	/**
	 * @param fileName the file's name, for messages only
	 * @param content the whole file: a zlib {@code .ocs} as {@code ocsinventory-agent
	 * --local} writes it, or plain {@code .xml}
	 * @return the inventory, with source {@link InventorySource#IMPORT} and the DEVICEID
	 * it carries
	 * @throws InvalidInventoryFileException when the file is not an inventory Parc can
	 * store, with the reason
	 */
	InventoryReport read(String fileName, byte[] content);

}
