package parc.agentlessadapter.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Pulse 2's tele-diagnostic: fetch the first file (in name order) of a folder on the
 * target, refusing one above a size cap. The remote name is reported, never trusted as a
 * local path; the folder travels as SFTP data, never through a shell.
 */
final class FilePuller {

	private final ClientSession session;

	private final SshTarget target;

	FilePuller(ClientSession session, SshTarget target) {
		this.session = session;
		this.target = target;
	}

	PulledFile pullFirst(String remoteFolder, long maxBytes, Path localFile) {
		try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(this.session)) {
			List<SftpClient.DirEntry> files = new ArrayList<>();
			for (SftpClient.DirEntry entry : sftp.readDir(remoteFolder)) {
				if (entry.getAttributes().isRegularFile()) {
					files.add(entry);
				}
			}
			SftpClient.DirEntry first = files.stream()
				.min(Comparator.comparing(SftpClient.DirEntry::getFilename))
				.orElseThrow(() -> new SshException(this.target, SshStep.TRANSFER,
						"there is no file to pull in " + remoteFolder));
			long size = first.getAttributes().getSize();
			if (size > maxBytes) {
				throw new SshException(this.target, SshStep.TRANSFER, first.getFilename() + " in " + remoteFolder
						+ " is " + size + " bytes, above the " + maxBytes + "-byte cap");
			}
			String remotePath = remoteFolder.endsWith("/") ? remoteFolder + first.getFilename()
					: remoteFolder + "/" + first.getFilename();
			long copied = copyCapped(sftp, remotePath, localFile, maxBytes, first.getFilename());
			Instant modified = (first.getAttributes().getModifyTime() != null)
					? first.getAttributes().getModifyTime().toInstant() : null;
			return new PulledFile(first.getFilename(), copied, modified, localFile);
		}
		catch (IOException ex) {
			throw new SshException(this.target, SshStep.TRANSFER,
					"cannot pull a file from " + remoteFolder + ": " + SshConnector.reason(ex), ex);
		}
	}

	/** The file may grow while it is read: the cap holds on the bytes received too. */
	private long copyCapped(SftpClient sftp, String remotePath, Path localFile, long maxBytes, String name)
			throws IOException {
		long copied = 0;
		try (InputStream in = sftp.read(remotePath); OutputStream out = Files.newOutputStream(localFile)) {
			byte[] buffer = new byte[32 * 1024];
			int n;
			while ((n = in.read(buffer)) > 0) {
				copied += n;
				if (copied > maxBytes) {
					break;
				}
				out.write(buffer, 0, n);
			}
		}
		if (copied > maxBytes) {
			Files.deleteIfExists(localFile);
			throw new SshException(this.target, SshStep.TRANSFER,
					name + " grew above the " + maxBytes + "-byte cap while it was pulled");
		}
		return copied;
	}

}
