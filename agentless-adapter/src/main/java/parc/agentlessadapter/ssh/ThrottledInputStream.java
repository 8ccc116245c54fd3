package parc.agentlessadapter.ssh;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads no faster than its {@link Throttle} allows; for SCP, which pulls from a stream.
 */
final class ThrottledInputStream extends FilterInputStream {

	private final Throttle throttle;

	ThrottledInputStream(InputStream in, Throttle throttle) {
		super(in);
		this.throttle = throttle;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			this.throttle.sent(1);
		}
		return b;
	}

	@Override
	public int read(byte[] bytes, int offset, int length) throws IOException {
		int n = super.read(bytes, offset, length);
		if (n > 0) {
			this.throttle.sent(n);
		}
		return n;
	}

}
