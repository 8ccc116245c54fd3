package parc.ocsagent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.zip.DeflaterOutputStream;

/**
 * Requests captured from the real Debian {@code ocsinventory-agent} 2.10
 * ({@code fixtures/ocs/}) and the bodies the protocol notes quote byte for byte (§1.3).
 */
final class OcsFixtures {

	/**
	 * The PROLOG body exactly as the agent posted it: zlib, 115 bytes (protocol §1.3).
	 */
	static final byte[] CAPTURED_PROLOG_BODY = Base64.getDecoder()
		.decode("eJyzsa/IzVEoSy0qzszPs1Uy1DNQUkjNS85PycxLt1UKDXHTtVCyt+OyCXINDHUNDrHjUlCwcXEN83R29XSxK8vVNTIwMtM1NNQ1MtI1NNE1NgGSNvpwBSDVQH1BkXYBQf4+/u42+hAel40+3EAAMHAiVA==");

	/** A PROLOG reply the agent is known to accept (protocol §1.3), as zlib. */
	static final byte[] ACCEPTED_PROLOG_REPLY = Base64.getDecoder()
		.decode("eJyzsa/IzVEoSy0qzszPs1U31DNQV0jNS85PycxLt1UPDXHTtVC3t+OyCXIN8Im0A1LBAf5+wa52wa5+Ljb6cK5NQJC/j797vFuQa6CdkYmNPjIfpA6kmwsABmIfkw==");

	private OcsFixtures() {
	}

	static byte[] resource(String name) {
		try (InputStream in = OcsFixtures.class.getResourceAsStream("/fixtures/ocs/" + name)) {
			if (in == null) {
				throw new IllegalStateException("Missing fixture " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** As the agent sends a body: Compress::Zlib::compress, a zlib stream. */
	static byte[] zlib(byte[] xml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream zlib = new DeflaterOutputStream(out)) {
			zlib.write(xml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
