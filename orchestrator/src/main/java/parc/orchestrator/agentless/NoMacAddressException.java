package parc.orchestrator.agentless;

/** Wake-on-LAN needs a MAC address and the machine has none. */
public class NoMacAddressException extends RuntimeException {

	public NoMacAddressException(String machineName) {
		super("Machine \"" + machineName + "\" has no MAC address to wake it with");
	}

}
