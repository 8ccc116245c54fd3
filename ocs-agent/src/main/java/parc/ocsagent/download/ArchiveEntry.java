package parc.ocsagent.download;

import java.nio.file.Path;

/**
 * One file to put into a package's archive.
 *
 * @param name its path inside the archive, with '/' separators, relative
 * @param source where its bytes are
 * @param executable whether it gets the execute bit (tar only; zip carries no mode for
 * the agent)
 */
public record ArchiveEntry(String name, Path source, boolean executable) {

}
