package parc.ocsagent.download;

/**
 * What a build wrote: {@code info} and the fragments {@code <id>-1 ... <id>-<fragments>}.
 *
 * @param id the OCS id
 * @param fragments how many fragments; 0 for a package without files
 * @param digest the MD5 of the whole archive, lowercase hex, as the agent checks it
 * (§4.4); null without files
 * @param archiveBytes the archive's size
 */
public record BuiltPackage(long id, int fragments, String digest, long archiveBytes) {

	/** The file name of fragment n, from 1. */
	public String fragmentName(int n) {
		if (n < 1 || n > this.fragments) {
			throw new IllegalArgumentException("Fragment " + n + " of " + this.fragments);
		}
		return this.id + "-" + n;
	}

}
