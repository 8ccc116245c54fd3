package parc.orchestrator.system.restart;

/**
 * A kind of work that lives in this process's memory while its record says it runs (an
 * import, a collection, a command on machines, a deployment step): after a stop, the
 * record is all that is left, and it must not stay "running" forever.
 */
public interface InterruptedWork {

	/** What the log calls it: "machine imports". */
	String kind();

	/**
	 * Resumes or fails every record of this kind that an earlier process left running.
	 */
	Resolved resolve(Interruption interruption);

	/** How many were resumed and how many marked failed. */
	record Resolved(int resumed, int failed) {

		public static Resolved failed(int count) {
			return new Resolved(0, count);
		}

		public static Resolved resumed(int count) {
			return new Resolved(count, 0);
		}

		public boolean any() {
			return this.resumed + this.failed > 0;
		}

	}

}
