package parc.ocsagent.download;

/**
 * How the files travel. Unix agents need tar.gz: GNU tar "extracts" a one-member zip
 * without error and without a file (protocol §4.6). Windows agents unpack zip.
 */
public enum ArchiveFormat {

	TAR_GZ, ZIP

}
