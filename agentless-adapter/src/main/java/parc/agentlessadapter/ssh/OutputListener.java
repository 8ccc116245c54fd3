package parc.agentlessadapter.ssh;

/**
 * Receives a running command's lines as they arrive. Called from MINA's I/O threads,
 * stdout and stderr possibly concurrently: implementations must be thread-safe and must
 * not block, or the command's output backs up.
 */
@FunctionalInterface
public interface OutputListener {

	/** A listener that ignores every line. */
	OutputListener NONE = (line) -> {
	};

	void onLine(OutputLine line);

}
