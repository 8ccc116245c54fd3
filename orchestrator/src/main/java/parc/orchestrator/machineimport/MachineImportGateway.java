package parc.orchestrator.machineimport;

/**
 * Hands an import over to be run away from the caller's thread; the routes module
 * implements it.
 */
public interface MachineImportGateway {

	void submit(long importId);

}
