package parc.agentlessadapter.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.scp.client.ScpClient;
import org.apache.sshd.scp.client.ScpClientCreator;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.impl.AbstractSftpClient;
import org.apache.sshd.sftp.client.impl.SftpOutputStreamAsync;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Pushes a folder into a working directory and proves it arrived. A file already there
 * with the right size and checksum is not sent again, and a shorter partial copy is
 * completed from where it stopped, so a push broken by a dropped connection resumes on
 * the next attempt. Every file's SHA-256 is then computed on the target; a file that
 * still differs is sent whole once more, then the push fails.
 */
final class FolderPusher {

	private static final int CHUNK = 32 * 1024;

	private static final Set<PosixFilePermission> OWNER_READ_WRITE = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	private static final Set<PosixFilePermission> OWNER_EXECUTABLE = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

	private final ClientSession session;

	private final SshTarget target;

	private final RemoteChecksums checksums;

	private final CommandExecution execution;

	FolderPusher(ClientSession session, SshTarget target, RemoteChecksums checksums, CommandExecution execution) {
		this.execution = execution;
		this.session = session;
		this.target = target;
		this.checksums = checksums;
	}

	PushReport push(PushRequest request) {
		long start = System.nanoTime();
		List<LocalFile> files = LocalFile.under(request.localFolder());
		Throttle throttle = new Throttle(request.bytesPerSecond());
		SftpClient sftp = openSftp();
		try {
			if (sftp == null) {
				return pushWithScp(request, files, throttle, start);
			}
			return pushWithSftp(sftp, request, files, throttle, start);
		}
		finally {
			closeQuietly(sftp);
		}
	}

	private SftpClient openSftp() {
		try {
			return SftpClientFactory.instance().createSftpClient(this.session);
		}
		catch (IOException ex) {
			if (this.session.isClosed() || this.session.isClosing()) {
				throw new SshException(this.target, SshStep.TRANSFER,
						"the connection was lost: " + SshConnector.reason(ex), ex);
			}
			// The server refused the "sftp" subsystem: SCP is the fallback.
			return null;
		}
	}

	private PushReport pushWithSftp(SftpClient sftp, PushRequest request, List<LocalFile> files, Throttle throttle,
			long start) {
		String root = request.destination().path();
		long sent = 0;
		List<PushedFile.Transfer> transfers = new ArrayList<>();
		try {
			Set<String> made = new HashSet<>();
			makeDirectories(sftp, root, made);
			for (LocalFile file : files) {
				String remote = request.destination().resolve(file.relativePath());
				makeDirectories(sftp, parent(remote), made);
				Attributes existing = statOrNull(sftp, remote);
				long offset = 0;
				PushedFile.Transfer transfer = PushedFile.Transfer.SENT;
				if (existing != null && existing.isRegularFile() && existing.getSize() == file.size()) {
					transfers.add(PushedFile.Transfer.ALREADY_PRESENT);
					markExecutable(sftp, request, file, remote);
					continue;
				}
				if (existing != null && existing.isRegularFile() && existing.getSize() > 0
						&& existing.getSize() < file.size()) {
					offset = existing.getSize();
					transfer = PushedFile.Transfer.RESUMED;
				}
				sent += sendWithSftp(sftp, file, remote, offset, throttle);
				markExecutable(sftp, request, file, remote);
				transfers.add(transfer);
			}
			List<PushedFile> verified = new ArrayList<>();
			Map<String, String> digests = this.checksums.of(root, relativePaths(files));
			for (int i = 0; i < files.size(); i++) {
				LocalFile file = files.get(i);
				PushedFile.Transfer transfer = transfers.get(i);
				if (!file.sha256().equals(digests.get(file.relativePath()))) {
					// A partial or corrupt copy: send it whole once more.
					sent += sendWithSftp(sftp, file, request.destination().resolve(file.relativePath()), 0, throttle);
					transfer = PushedFile.Transfer.SENT;
					verifyOne(root, file);
				}
				verified.add(new PushedFile(file.relativePath(), file.size(), file.sha256(), transfer));
			}
			return new PushReport(verified, sent, TransferProtocol.SFTP, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (IOException ex) {
			throw new SshException(this.target, SshStep.TRANSFER,
					"push into " + root + " broke off: " + SshConnector.reason(ex), ex);
		}
	}

	/**
	 * Adds the execute bits where the file is readable, as {@code chmod +x} would: an
	 * upload reaches the target as a plain file, and {@code ./install.sh} then fails with
	 * exit status 126. Windows has no such bit.
	 */
	private void markExecutable(SftpClient sftp, PushRequest request, LocalFile file, String remote)
			throws IOException {
		if (this.target.system() == RemoteSystem.WINDOWS || !request.executable(file)) {
			return;
		}
		int mode = sftp.stat(remote).getPermissions() & 07777;
		int executable = mode | 0100 | (((mode & 040) != 0) ? 010 : 0) | (((mode & 04) != 0) ? 01 : 0);
		if (executable != mode) {
			sftp.setStat(remote, new Attributes().perms(executable));
		}
	}

	private long sendWithSftp(SftpClient sftp, LocalFile file, String remote, long offset, Throttle throttle)
			throws IOException {
		EnumSet<OpenMode> modes = (offset == 0) ? EnumSet.of(OpenMode.Write, OpenMode.Create, OpenMode.Truncate)
				: EnumSet.of(OpenMode.Write);
		SftpClient.CloseableHandle handle = sftp.open(remote, modes);
		long sent = 0;
		try (OutputStream out = openAt(sftp, remote, handle, offset);
				InputStream in = Files.newInputStream(file.path())) {
			in.skipNBytes(offset);
			byte[] buffer = new byte[CHUNK];
			int n;
			while ((n = in.read(buffer)) > 0) {
				out.write(buffer, 0, n);
				sent += n;
				throttle.sent(n);
			}
		}
		return sent;
	}

	private static OutputStream openAt(SftpClient sftp, String remote, SftpClient.CloseableHandle handle, long offset)
			throws IOException {
		if (sftp instanceof AbstractSftpClient client) {
			// Pipelined writes: several requests in flight instead of one round trip per
			// chunk.
			SftpOutputStreamAsync out = new SftpOutputStreamAsync(client, CHUNK, remote, handle, true);
			out.setOffset(offset);
			return out;
		}
		return new PositionedSftpOutputStream(sftp, handle, offset);
	}

	private void verifyOne(String root, LocalFile file) {
		String digest = this.checksums.of(root, List.of(file.relativePath())).get(file.relativePath());
		if (!file.sha256().equals(digest)) {
			throw new SshException(this.target, SshStep.TRANSFER, "checksum of " + file.relativePath()
					+ " on the target is " + digest + " instead of " + file.sha256() + " after sending it twice");
		}
	}

	private PushReport pushWithScp(PushRequest request, List<LocalFile> files, Throttle throttle, long start) {
		String root = request.destination().path();
		ScpClient scp = ScpClientCreator.instance().createScpClient(this.session);
		List<String> paths = relativePaths(files);
		long sent = 0;
		try {
			makeDirectoriesWithShell(root, files);
			// SCP cannot append: complete files are skipped, anything else is sent whole.
			Map<String, String> before = this.checksums.of(root, paths);
			List<PushedFile> pushed = new ArrayList<>();
			for (LocalFile file : files) {
				if (file.sha256().equals(before.get(file.relativePath()))) {
					pushed.add(new PushedFile(file.relativePath(), file.size(), file.sha256(),
							PushedFile.Transfer.ALREADY_PRESENT));
					continue;
				}
				try (InputStream in = new ThrottledInputStream(Files.newInputStream(file.path()), throttle)) {
					scp.upload(in, request.destination().resolve(file.relativePath()), file.size(),
							request.executable(file) ? OWNER_EXECUTABLE : OWNER_READ_WRITE, null);
				}
				sent += file.size();
				pushed.add(new PushedFile(file.relativePath(), file.size(), file.sha256(), PushedFile.Transfer.SENT));
			}
			Map<String, String> after = this.checksums.of(root, paths);
			for (LocalFile file : files) {
				if (!file.sha256().equals(after.get(file.relativePath()))) {
					throw new SshException(this.target, SshStep.TRANSFER, "checksum of " + file.relativePath()
							+ " on the target is " + after.get(file.relativePath()) + " instead of " + file.sha256());
				}
			}
			return new PushReport(pushed, sent, TransferProtocol.SCP, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (IOException ex) {
			throw new SshException(this.target, SshStep.TRANSFER,
					"SCP push into " + root + " broke off: " + SshConnector.reason(ex), ex);
		}
	}

	/**
	 * Without SFTP, folders are made by a command: SCP's protocol cannot make parents.
	 */
	private void makeDirectoriesWithShell(String root, List<LocalFile> files) {
		Set<String> folders = new java.util.TreeSet<>();
		folders.add(root);
		for (LocalFile file : files) {
			folders.add(parent(root + "/" + file.relativePath()));
		}
		String[] arguments = folders.toArray(new String[0]);
		RemoteCommand command = (this.target.system() == RemoteSystem.WINDOWS) ? RemoteCommand
			.of("foreach ($d in $args) { New-Item -ItemType Directory -Force -Path $d | Out-Null }", arguments)
				: RemoteCommand.of("mkdir -p -- \"$@\"", arguments);
		CommandResult result = this.execution.run(command, OutputListener.NONE);
		if (!result.succeeded()) {
			throw new SshException(this.target, SshStep.TRANSFER,
					"cannot create " + root + " on the target: " + RemoteChecksums.describe(result));
		}
	}

	private static void makeDirectories(SftpClient sftp, String path, Set<String> made) throws IOException {
		if (path.isEmpty() || made.contains(path)) {
			return;
		}
		StringBuilder current = new StringBuilder();
		for (String part : path.split("/")) {
			if (part.isEmpty()) {
				current.append('/');
				continue;
			}
			if (current.length() > 0 && current.charAt(current.length() - 1) != '/') {
				current.append('/');
			}
			current.append(part);
			String folder = current.toString();
			if (made.add(folder)) {
				Attributes attributes = statOrNull(sftp, folder);
				if (attributes == null) {
					sftp.mkdir(folder);
				}
				else if (!attributes.isDirectory()) {
					throw new IOException(folder + " exists on the target and is not a folder");
				}
			}
		}
	}

	private static Attributes statOrNull(SftpClient sftp, String path) throws IOException {
		try {
			return sftp.stat(path);
		}
		catch (SftpException ex) {
			if (ex.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE
					|| ex.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
				return null;
			}
			throw ex;
		}
	}

	private static String parent(String path) {
		int slash = path.lastIndexOf('/');
		return (slash > 0) ? path.substring(0, slash) : "";
	}

	private static List<String> relativePaths(List<LocalFile> files) {
		return files.stream().map(LocalFile::relativePath).toList();
	}

	private static void closeQuietly(SftpClient sftp) {
		if (sftp == null) {
			return;
		}
		try {
			sftp.close();
		}
		catch (IOException ex) {
			// The push's own outcome has been decided; a failing close adds nothing.
		}
	}

}
