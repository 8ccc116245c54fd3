package parc.ocsagent;

/**
 * How an agent framed its request body; the reply must use the same framing (protocol
 * §1.3). The Debian agent always sends {@link #ZLIB}; the others are fallbacks of agents
 * built without Compress::Zlib.
 */
public enum BodyFormat {

	/** A zlib stream (RFC 1950): {@code 78 xx} header, deflate data, Adler-32 trailer. */
	ZLIB,

	/** A gzip member (RFC 1952): {@code 1F 8B} header. */
	GZIP,

	/** Uncompressed XML. */
	PLAIN

}
