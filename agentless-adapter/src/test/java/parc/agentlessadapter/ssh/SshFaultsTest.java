package parc.agentlessadapter.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import parc.agentlessadapter.testsupport.MisbehavingSshServer;
import parc.agentlessadapter.testsupport.TestKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Faults of a misbehaving target, played by an in-process MINA server (issue #5,
 * must-show 2).
 */
class SshFaultsTest {

	@TempDir
	Path root;

	@TempDir
	Path local;

	private MisbehavingSshServer server;

	private SshConnector connector;

	private InMemoryHostKeyStore hostKeys = new InMemoryHostKeyStore();

	private void start(boolean sftp, HostKeyPolicy policy) throws Exception {
		this.server = MisbehavingSshServer.start(this.root, sftp);
		this.connector = new SshConnector(SshSettings.defaults().withHostKeyPolicy(policy), this.hostKeys);
		this.connector.start();
	}

	@AfterEach
	void stop() throws Exception {
		if (this.connector != null) {
			this.connector.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void shouldRefuseAChangedHostKeyWithBothFingerprints() throws Exception {
		start(true, HostKeyPolicy.TRUST_ON_FIRST_USE);
		String first;
		try (RemoteSession session = this.connector.open(this.server.target())) {
			first = session.hostKeyFingerprint();
		}
		this.server.replaceHostKey();

		HostKeyRejectedException refused = catchThrowableOfType(HostKeyRejectedException.class,
				() -> this.connector.open(this.server.target()));

		assertThat(refused.reason()).isEqualTo(HostKeyRejectedException.Reason.CHANGED);
		assertThat(refused.step()).isEqualTo(SshStep.HOST_KEY);
		assertThat(refused.knownFingerprint()).isEqualTo(first);
		assertThat(refused.presentedFingerprint()).startsWith("SHA256:").isNotEqualTo(first);
		assertThat(refused).hasMessageContaining(first)
			.hasMessageContaining(refused.presentedFingerprint())
			.hasMessageContaining("tester@127.0.0.1:" + this.server.port());
		assertThat(this.hostKeys.mismatch("127.0.0.1", this.server.port())).contains(refused.presentedFingerprint());
	}

	@Test
	void shouldConnectAgainOnceTheNewKeyIsAccepted() throws Exception {
		start(true, HostKeyPolicy.TRUST_ON_FIRST_USE);
		this.connector.open(this.server.target()).close();
		this.server.replaceHostKey();
		HostKeyRejectedException refused = catchThrowableOfType(HostKeyRejectedException.class,
				() -> this.connector.open(this.server.target()));
		this.hostKeys.approve("127.0.0.1", this.server.port(), "ecdsa-sha2-nistp256", refused.presentedFingerprint());
		try (RemoteSession session = this.connector.open(this.server.target())) {
			assertThat(session.hostKeyFingerprint()).isEqualTo(refused.presentedFingerprint());
		}
	}

	@Test
	void shouldWaitForApprovalOfAFirstSeenKeyWhenThePolicySaysSo() throws Exception {
		start(true, HostKeyPolicy.REQUIRE_APPROVAL);
		HostKeyRejectedException refused = catchThrowableOfType(HostKeyRejectedException.class,
				() -> this.connector.open(this.server.target()));
		assertThat(refused.reason()).isEqualTo(HostKeyRejectedException.Reason.AWAITING_APPROVAL);
		KnownHostKey pending = this.hostKeys.find("127.0.0.1", this.server.port()).orElseThrow();
		assertThat(pending.trusted()).isFalse();
		assertThat(pending.fingerprint()).isEqualTo(refused.presentedFingerprint());
	}

	@Test
	void shouldReportAnAuthErrorForAWrongKey() throws Exception {
		start(true, HostKeyPolicy.TRUST_ON_FIRST_USE);
		SshTarget wrongKey = this.server
			.target(SshAuth.privateKey(TestKeys.openSshText(TestKeys.ed25519(), null), null));
		assertThatThrownBy(() -> this.connector.open(wrongKey)).isInstanceOf(SshException.class)
			.isNotInstanceOf(HostKeyRejectedException.class)
			.hasMessageContaining("SSH auth failed for tester@127.0.0.1:" + this.server.port())
			.hasMessageContaining("refused the key")
			.extracting((ex) -> ((SshException) ex).step())
			.isEqualTo(SshStep.AUTH);
	}

	@Test
	void shouldResumeABrokenTransferAndVerifyTheChecksums() throws Exception {
		start(true, HostKeyPolicy.TRUST_ON_FIRST_USE);
		byte[] big = new byte[3 * 1024 * 1024];
		new Random(7).nextBytes(big);
		Files.write(this.local.resolve("a-small.txt"), "small".getBytes());
		Files.write(this.local.resolve("b-big.bin"), big);
		WorkingDirectory directory = WorkingDirectory.forJob("resume");
		this.server.dropConnectionAfterWriting(1024 * 1024);

		assertThatThrownBy(() -> {
			try (RemoteSession session = this.connector.open(this.server.target())) {
				session.push(new PushRequest(this.local, directory, 0));
			}
		}).isInstanceOf(SshException.class).extracting((ex) -> ((SshException) ex).step()).isEqualTo(SshStep.TRANSFER);
		long partial = Files.size(this.root.resolve(directory.path()).resolve("b-big.bin"));
		assertThat(partial).isPositive().isLessThan(big.length);

		PushReport report;
		try (RemoteSession session = this.connector.open(this.server.target())) {
			report = session.push(new PushRequest(this.local, directory, 0));
		}
		assertThat(report.files()).extracting(PushedFile::transfer)
			.containsExactly(PushedFile.Transfer.ALREADY_PRESENT, PushedFile.Transfer.RESUMED);
		assertThat(report.bytesSent()).isEqualTo(big.length - partial);
		assertThat(LocalFile.sha256(this.root.resolve(directory.path()).resolve("b-big.bin")))
			.isEqualTo(LocalFile.sha256(this.local.resolve("b-big.bin")));
	}

	@Test
	void shouldResendAFileWhoseCopyIsCorrupt() throws Exception {
		start(true, HostKeyPolicy.TRUST_ON_FIRST_USE);
		Files.writeString(this.local.resolve("conf.ini"), "right content");
		WorkingDirectory directory = WorkingDirectory.forJob("corrupt");
		Files.createDirectories(this.root.resolve(directory.path()));
		Files.writeString(this.root.resolve(directory.path()).resolve("conf.ini"), "wrong content");
		PushReport report;
		try (RemoteSession session = this.connector.open(this.server.target())) {
			report = session.push(new PushRequest(this.local, directory, 0));
		}
		assertThat(report.files()).extracting(PushedFile::transfer).containsExactly(PushedFile.Transfer.SENT);
		assertThat(this.root.resolve(directory.path()).resolve("conf.ini")).hasContent("right content");
	}

	@Test
	void shouldFallBackToScpWhenTheServerHasNoSftp() throws Exception {
		start(false, HostKeyPolicy.TRUST_ON_FIRST_USE);
		Files.createDirectories(this.local.resolve("sub"));
		Files.writeString(this.local.resolve("sub/file.txt"), "over scp");
		Files.writeString(this.local.resolve("run.sh"), "echo hi");
		WorkingDirectory directory = WorkingDirectory.forJob("scp");
		PushReport report;
		try (RemoteSession session = this.connector.open(this.server.target())) {
			report = session.push(new PushRequest(this.local, directory, 0));
			assertThat(report.protocol()).isEqualTo(TransferProtocol.SCP);
			assertThat(session.push(new PushRequest(this.local, directory, 0)).files()).extracting(PushedFile::transfer)
				.containsOnly(PushedFile.Transfer.ALREADY_PRESENT);
		}
		assertThat(this.root.resolve(directory.path()).resolve("sub/file.txt")).hasContent("over scp");
	}

	@Test
	void shouldHoldAPushToItsBandwidthCap() throws Exception {
		start(true, HostKeyPolicy.TRUST_ON_FIRST_USE);
		Files.write(this.local.resolve("one-mib.bin"), new byte[1024 * 1024]);
		PushReport report;
		try (RemoteSession session = this.connector.open(this.server.target())) {
			report = session.push(new PushRequest(this.local, WorkingDirectory.forJob("slow"), 512 * 1024));
		}
		// 1 MiB at 512 KiB/s cannot take less than 2 s, whatever the machine's load.
		assertThat(report.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
	}

	@Test
	void shouldKillACommandThatHangsAtItsLimit() throws Exception {
		start(true, HostKeyPolicy.TRUST_ON_FIRST_USE);
		CommandResult result;
		try (RemoteSession session = this.connector.open(this.server.target())) {
			result = session.run(RemoteCommand.of("echo before; exec sleep 300").withTimeLimit(Duration.ofSeconds(1)),
					OutputListener.NONE);
			// The session is still usable after the kill.
			assertThat(session.run(RemoteCommand.of("echo after"), OutputListener.NONE).stdout()).isEqualTo("after");
		}
		assertThat(result.timedOut()).isTrue();
		assertThat(result.succeeded()).isFalse();
		assertThat(result.stdout()).isEqualTo("before");
		assertThat(result.elapsed()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(30));
	}

	@Test
	void shouldCapTwentyMegabytesOfOutputKeepingTheTail() throws Exception {
		start(true, HostKeyPolicy.TRUST_ON_FIRST_USE);
		AtomicLong streamed = new AtomicLong();
		CommandResult result;
		// 20 MB: 200 000 numbered lines of 100 bytes.
		try (RemoteSession session = this.connector.open(this.server.target())) {
			result = session
				.run(RemoteCommand.of("seq -f '%08g' 0 199999 | sed 's/$/ " + "x".repeat(90) + "/'; echo done >&2")
					.retaining(64 * 1024), (line) -> streamed.incrementAndGet());
		}
		assertThat(result.exitCode()).isZero();
		assertThat(streamed.get()).isEqualTo(200_001);
		assertThat(result.droppedLines()).isGreaterThan(199_000);
		assertThat(result.droppedBytes()).isGreaterThan(19_000_000);
		assertThat(result.head().get(0).text()).startsWith("00000000 ");
		assertThat(result.stdout()).endsWith("00199999 " + "x".repeat(90));
		assertThat(result.stderr()).isEqualTo("done");
		assertThat(result.droppedNotice()).contains(result.droppedLines() + " lines");
		long kept = result.lines().stream().mapToLong((line) -> line.text().length() + 1).sum();
		assertThat(kept).isLessThanOrEqualTo(64 * 1024);
	}

	@Test
	void shouldReportTheConnectStepForAPortNobodyListensOn() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		this.connector = new SshConnector(SshSettings.defaults().withConnectTimeout(Duration.ofSeconds(3)),
				this.hostKeys);
		this.connector.start();
		SshTarget nobody = new SshTarget("127.0.0.1", closedPort, "tester", SshAuth.password("x"), RemoteSystem.UNIX);
		assertThatThrownBy(() -> this.connector.open(nobody)).isInstanceOf(SshException.class)
			.hasMessageStartingWith("SSH connect failed for tester@127.0.0.1:" + closedPort)
			.extracting((ex) -> ((SshException) ex).step())
			.isEqualTo(SshStep.CONNECT);
	}

	@Test
	void shouldMakeAConnectionWaitForAHandshakeTurnWithoutCountingItAgainstItsTimeouts() throws Exception {
		this.server = MisbehavingSshServer.start(this.root, true);
		this.connector = new SshConnector(
				SshSettings.defaults().withAuthTimeout(Duration.ofSeconds(3)).withMaxHandshakes(1), this.hostKeys);
		this.connector.start();
		// Its own threads: the common pool may have fewer than the three blocked here.
		ExecutorService threads = Executors.newFixedThreadPool(3);
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			// Accepts the connection and never says a word: a handshake that holds its
			// turn until the authentication timeout.
			CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
				try {
					return silent.accept();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, threads);
			SshTarget mute = new SshTarget("127.0.0.1", silent.getLocalPort(), "tester", SshAuth.password("x"),
					RemoteSystem.UNIX);
			CompletableFuture<RemoteSession> stuck = CompletableFuture.supplyAsync(() -> this.connector.open(mute),
					threads);
			try (Socket muteConnection = accepted.get(10, TimeUnit.SECONDS)) {
				assertThat(this.connector.handshakesInProgress()).isEqualTo(1);

				SshTarget reachable = this.server.target();
				CompletableFuture<RemoteSession> waiting = CompletableFuture
					.supplyAsync(() -> this.connector.open(reachable), threads);
				await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());

				assertThatThrownBy(() -> stuck.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(SshException.class);
				// Its own 3 s authentication timeout started only once its turn came.
				try (RemoteSession session = waiting.get(10, TimeUnit.SECONDS)) {
					assertThat(session.hostKeyFingerprint()).startsWith("SHA256:");
				}
				assertThat(this.connector.handshakesInProgress()).isZero();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void shouldRefuseFewerThanOneHandshakeAtOnce() {
		assertThatThrownBy(() -> SshSettings.defaults().withMaxHandshakes(0))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("maxHandshakes");
	}

}
