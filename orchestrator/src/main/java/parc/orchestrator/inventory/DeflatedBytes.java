package parc.orchestrator.inventory;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Stored inventory sections are deflated by Parc, at the fastest level: a software list
 * of 800 packages shrinks about sevenfold in about a millisecond, where PostgreSQL's own
 * compression of the same JSONB cost several (the agent benchmark, bench/README.md).
 */
final class DeflatedBytes {

	private DeflatedBytes() {
	}

	static byte[] deflate(byte[] bytes) {
		Deflater deflater = new Deflater(Deflater.BEST_SPEED);
		try {
			deflater.setInput(bytes);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 4));
			byte[] buffer = new byte[16 * 1024];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return out.toByteArray();
		}
		finally {
			deflater.end();
		}
	}

	static byte[] inflate(byte[] bytes) {
		Inflater inflater = new Inflater();
		try {
			inflater.setInput(bytes);
			ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length * 6);
			byte[] buffer = new byte[32 * 1024];
			while (!inflater.finished()) {
				int count = inflater.inflate(buffer);
				if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw new IllegalStateException("A stored inventory section is truncated");
				}
				out.write(buffer, 0, count);
			}
			return out.toByteArray();
		}
		catch (DataFormatException ex) {
			throw new IllegalStateException("A stored inventory section is not readable", ex);
		}
		finally {
			inflater.end();
		}
	}

}
