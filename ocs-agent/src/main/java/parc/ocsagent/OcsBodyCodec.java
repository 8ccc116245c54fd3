package parc.ocsagent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.DataFormatException;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Removes and adds the framing of OCS bodies (protocol §1.3): zlib streams both ways for
 * the Debian agent, gzip or plain XML for agents built without Compress::Zlib, detected
 * from the first bytes. Inflation stops at a cap, so a small body that inflates to
 * gigabytes (a deflate bomb) costs at most the cap in memory. Thread-safe.
 */
public final class OcsBodyCodec {

	private final long maxInflatedBytes;

	/**
	 * @param maxInflatedBytes the largest XML document accepted once inflated
	 */
	public OcsBodyCodec(long maxInflatedBytes) {
		if (maxInflatedBytes <= 0) {
			throw new IllegalArgumentException("maxInflatedBytes must be positive");
		}
		this.maxInflatedBytes = maxInflatedBytes;
	}

	/**
	 * @throws OcsProtocolException {@code BAD_COMPRESSION} or {@code TOO_LARGE}
	 */
	public DecodedBody decode(byte[] body) {
		if (body == null || body.length == 0) {
			throw new OcsProtocolException(OcsProtocolException.Reason.BAD_COMPRESSION, "Empty request body");
		}
		BodyFormat format = sniff(body);
		try {
			byte[] xml = switch (format) {
				case ZLIB -> inflateWhole(body);
				case GZIP -> readCapped(new GZIPInputStream(new ByteArrayInputStream(body)));
				case PLAIN -> readCapped(new ByteArrayInputStream(body));
			};
			return new DecodedBody(format, xml);
		}
		catch (ZipException | EOFException ex) {
			throw new OcsProtocolException(OcsProtocolException.Reason.BAD_COMPRESSION,
					"Broken or truncated " + format + " body: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new OcsProtocolException(OcsProtocolException.Reason.BAD_COMPRESSION,
					"Unreadable " + format + " body: " + ex.getMessage(), ex);
		}
	}

	/** Frames a reply the way the request was framed. */
	public byte[] encode(byte[] xml, BodyFormat format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, xml.length / 4));
			switch (format) {
				case ZLIB -> {
					try (DeflaterOutputStream zlib = new DeflaterOutputStream(out)) {
						zlib.write(xml);
					}
				}
				case GZIP -> {
					try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
						gzip.write(xml);
					}
				}
				case PLAIN -> out.write(xml);
			}
			return out.toByteArray();
		}
		catch (IOException ex) {
			// In-memory streams do not fail; a failure here is a JDK defect, not bad
			// input.
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The reference server's order: zlib ({@code 78} then a header byte that makes the
	 * pair a multiple of 31, RFC 1950 §2.2), gzip ({@code 1F 8B}), else plain.
	 */
	static BodyFormat sniff(byte[] body) {
		if (body.length >= 2) {
			int cmf = body[0] & 0xFF;
			int flg = body[1] & 0xFF;
			if ((cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && ((cmf << 8) | flg) % 31 == 0) {
				return BodyFormat.ZLIB;
			}
			if (cmf == 0x1F && flg == 0x8B) {
				return BodyFormat.GZIP;
			}
		}
		return BodyFormat.PLAIN;
	}

	/**
	 * One zlib stream that ends where the body ends: bytes after its end are refused
	 * rather than ignored, as they are by {@link java.util.zip.InflaterInputStream} (an
	 * agent never sends them; something that does is not an agent).
	 */
	private byte[] inflateWhole(byte[] body) throws ZipException {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(body);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[16 * 1024];
			while (!inflater.finished()) {
				int inflated;
				try {
					inflated = inflater.inflate(buffer);
				}
				catch (DataFormatException ex) {
					throw new ZipException(ex.getMessage());
				}
				if (inflated == 0 && !inflater.finished()) {
					throw new ZipException(inflater.needsDictionary() ? "the zlib stream needs a preset dictionary"
							: "the zlib stream ends before its end mark");
				}
				if ((long) out.size() + inflated > this.maxInflatedBytes) {
					throw new OcsProtocolException(OcsProtocolException.Reason.TOO_LARGE,
							"Request body inflates past " + this.maxInflatedBytes + " bytes");
				}
				out.write(buffer, 0, inflated);
			}
			if (inflater.getRemaining() > 0) {
				throw new ZipException(inflater.getRemaining() + " bytes follow the end of the zlib stream");
			}
			return out.toByteArray();
		}
		finally {
			inflater.end();
		}
	}

	private byte[] readCapped(InputStream in) throws IOException {
		try (in) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[16 * 1024];
			long total = 0;
			int read;
			while ((read = in.read(buffer)) != -1) {
				total += read;
				if (total > this.maxInflatedBytes) {
					throw new OcsProtocolException(OcsProtocolException.Reason.TOO_LARGE,
							"Request body inflates past " + this.maxInflatedBytes + " bytes");
				}
				out.write(buffer, 0, read);
			}
			return out.toByteArray();
		}
	}

}
