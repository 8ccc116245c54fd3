package parc.orchestrator.system.paging;

import java.util.Set;

/**
 * Which slice of a list to show.
 *
 * @param page zero-based page number; negative values are read as 0
 * @param size rows per page, one of {@link #SIZES} (anything else falls back to the
 * nearest allowed size)
 */
public record PageRequest(int page, int size) {

	/** The page sizes the console offers. */
	public static final Set<Integer> SIZES = Set.of(10, 25, 50);

	public static final int DEFAULT_SIZE = 25;

	/**
	 * The API may ask for larger pages than the console offers, but not unbounded ones.
	 */
	public static final int MAX_SIZE = 500;

	public PageRequest {
		page = Math.max(page, 0);
		if (size <= 0) {
			size = DEFAULT_SIZE;
		}
		size = Math.min(size, MAX_SIZE);
	}

	public long offset() {
		return (long) this.page * this.size;
	}

}
