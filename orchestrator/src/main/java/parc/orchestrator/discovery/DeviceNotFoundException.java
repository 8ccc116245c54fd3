package parc.orchestrator.discovery;

public class DeviceNotFoundException extends RuntimeException {

	public DeviceNotFoundException(long id) {
		super("No device " + id);
	}

}
