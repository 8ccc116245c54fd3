package parc.orchestrator.processdesign;

/** No process has this key, or it has no such version. */
public class ProcessVersionNotFoundException extends RuntimeException {

	public ProcessVersionNotFoundException(String key, Integer version) {
		super((version == null) ? "No process " + key : "No version " + version + " of process " + key);
	}

}
