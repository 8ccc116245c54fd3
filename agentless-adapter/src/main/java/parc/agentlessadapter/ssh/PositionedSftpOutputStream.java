package parc.agentlessadapter.ssh;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.sshd.sftp.client.SftpClient;

/**
 * Writes through an SFTP handle from an offset, one request per write; closes the handle.
 */
final class PositionedSftpOutputStream extends OutputStream {

	private final SftpClient sftp;

	private final SftpClient.CloseableHandle handle;

	private long offset;

	PositionedSftpOutputStream(SftpClient sftp, SftpClient.CloseableHandle handle, long offset) {
		this.sftp = sftp;
		this.handle = handle;
		this.offset = offset;
	}

	@Override
	public void write(int b) throws IOException {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] bytes, int from, int length) throws IOException {
		this.sftp.write(this.handle, this.offset, bytes, from, length);
		this.offset += length;
	}

	@Override
	public void close() throws IOException {
		this.handle.close();
	}

}
