package parc.orchestrator.machineimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import parc.orchestrator.credential.CredentialDraft;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.credential.CredentialType;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * CSV imports of machines on real PostgreSQL (issue #7, must-show 3): broken rows with
 * their line numbers, good rows applied or none as the administrator chooses, no partial
 * machine, a file in another charset, updates, and 100,000 rows with progress. No gateway
 * runs here: the tests call {@code run} themselves.
 */
@PostgresBackedTest
class MachineImportServiceTest {

	private static final List<String> MAPPING = List.of("name", "address", "macAddresses", "osFamily", "channel",
			"sshPort", "sshUser", "credential", "tags");

	@Autowired
	MachineImportService imports;

	@Autowired
	MachineService machines;

	@Autowired
	CredentialService credentials;

	@Autowired
	JdbcClient jdbc;

	String prefix;

	String credential;

	@BeforeEach
	void credential() {
		this.prefix = "imp" + UUID.randomUUID().toString().substring(0, 6) + "-";
		this.credential = this.prefix + "root key";
		this.credentials
			.create(new CredentialDraft(this.credential, CredentialType.PASSWORD, "root", null, null, "pw"));
	}

	@Test
	void shouldApplyTheGoodRowsAndReportEachBadOneByLine() throws Exception {
		MachineImport done = importCsv(brokenFile(), MachineImportMode.GOOD_ROWS);

		assertThat(done.state()).isEqualTo(MachineImportState.DONE);
		assertThat(done.created()).isEqualTo(2);
		assertThat(done.errors()).isEqualTo(4);
		assertThat(report(done)).containsExactly("2 CREATED null", "3 ERROR 'zz:zz' is not a MAC address",
				"4 ERROR the name is also on line 2", "5 ERROR no credential named 'nobody'",
				"6 ERROR the line has 3 cells, the header has 9", "7 CREATED null");
		Machine web = this.machines.findByName(this.prefix + "web").orElseThrow();
		assertThat(web.macAddresses()).containsExactly("AA:BB:CC:DD:EE:01", "AA:BB:CC:DD:EE:02");
		assertThat(web.tags()).containsExactly("web", "rack 4");
		assertThat(web.credentialId()).isNotNull();
		assertThat(web.osFamily()).isEqualTo(OsFamily.LINUX);
		assertThat(this.machines.findByName(this.prefix + "badmac")).as("no partial machine").isEmpty();
		assertThat(this.machines.findByName(this.prefix + "nocred")).isEmpty();
		assertThat(this.machines.findByName(this.prefix + "short")).isEmpty();
	}

	@Test
	void shouldApplyNothingWhenAllOrNothingMeetsAnError() throws Exception {
		MachineImport failed = importCsv(brokenFile(), MachineImportMode.ALL_OR_NOTHING);

		assertThat(failed.state()).isEqualTo(MachineImportState.FAILED);
		assertThat(failed.failure()).isEqualTo("4 row(s) have errors: nothing was applied (all or nothing)");
		assertThat(failed.created()).isZero();
		assertThat(report(failed)).startsWith("2 NOT_APPLIED null", "3 ERROR 'zz:zz' is not a MAC address");
		assertThat(this.machines.findByName(this.prefix + "web")).isEmpty();
		assertThat(this.machines.findByName(this.prefix + "db")).isEmpty();
	}

	@Test
	void shouldRefuseTheLinesThatAreNotUtf8UnlessTheFilesCharsetIsChosen() throws Exception {
		byte[] latin1 = ("name;address;osFamily\n" + this.prefix + "ok;192.0.2.1;linux\n" + this.prefix
				+ "caf\u00e9;192.0.2.2;windows\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		List<String> mapping = List.of("name", "address", "osFamily");

		String upload = keep(latin1);
		assertThat(this.imports.preview(upload, null).warning())
			.isEqualTo("line 3: the line is not valid UTF-8 text: choose the charset the file was written in");
		MachineImport refused = run(
				this.imports.submit(upload, "latin1.csv", mapping, MachineImportMode.ALL_OR_NOTHING, null, "admin"));
		assertThat(refused.state()).isEqualTo(MachineImportState.FAILED);
		assertThat(report(refused)).containsExactly("2 NOT_APPLIED null",
				"3 ERROR the line is not valid UTF-8 text: choose the charset the file was written in");
		assertThat(this.machines.findByName(this.prefix + "ok")).as("nothing applied").isEmpty();

		MachineImport done = run(this.imports.submit(keep(latin1), "latin1.csv", mapping,
				MachineImportMode.ALL_OR_NOTHING, "ISO-8859-1", "admin"));
		assertThat(done.created()).isEqualTo(2);
		assertThat(this.machines.findByName(this.prefix + "caf\u00e9").orElseThrow().osFamily())
			.isEqualTo(OsFamily.WINDOWS);
	}

	@Test
	void shouldSayAnImageOrRandomBytesAreNotACsvFile() throws Exception {
		// The start of a real PNG: signature, then the IHDR chunk with its NUL bytes.
		byte[] png = java.util.HexFormat.of()
			.parseHex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61");
		byte[] noise = new byte[2000];
		new java.util.Random(42).nextBytes(noise);
		for (int i = 0; i < noise.length; i++) {
			// Random bytes without a single NUL: the share of non-text must tell them
			// too.
			noise[i] = (noise[i] == 0) ? 1 : noise[i];
		}
		for (byte[] content : List.of(png, noise)) {
			for (String charset : java.util.Arrays.asList(null, "ISO-8859-1")) {
				assertThatThrownBy(() -> this.imports.preview(keep(content), charset))
					.isInstanceOf(InvalidMachineImportException.class)
					.hasMessageStartingWith("this is not a CSV file");
			}
		}
	}

	@Test
	void shouldFailAMalformedFileWithoutApplyingAnything() throws Exception {
		StringBuilder csv = new StringBuilder("name,address\n");
		for (int i = 0; i < 8; i++) {
			csv.append(this.prefix).append("good-").append(i).append(",192.0.2.1\n");
		}
		csv.append('"').append(this.prefix).append("open,192.0.2.2\n");
		List<String> mapping = List.of("name", "address");

		assertThatThrownBy(() -> this.imports.submit(
				keep(csv.substring(csv.indexOf(this.prefix + "good-6")).getBytes(StandardCharsets.UTF_8)), "short.csv",
				mapping, MachineImportMode.GOOD_ROWS, null, "admin"))
			.as("refused at once when the preview meets it")
			.isInstanceOf(InvalidMachineImportException.class)
			.hasMessageContaining("the CSV is malformed near record 3");
		MachineImport failed = run(this.imports.submit(keep(csv.toString().getBytes(StandardCharsets.UTF_8)),
				"open-quote.csv", mapping, MachineImportMode.GOOD_ROWS, null, "admin"));

		assertThat(failed.state()).isEqualTo(MachineImportState.FAILED);
		assertThat(failed.failure()).startsWith("the CSV is malformed near record 10");
		assertThat(this.machines.findByName(this.prefix + "good-0")).as("nothing applied").isEmpty();
	}

	@Test
	void shouldUpdateOnlyTheMappedColumnsAndTellUnchangedRows() throws Exception {
		Machine existing = this.machines
			.register(new MachineDraft(this.prefix + "Known", "192.0.2.5", List.of("AA:BB:CC:00:00:01"), OsFamily.LINUX,
					Channel.AGENTLESS_SSH, 2222, "ops", null, List.of("keep"), "notes stay", null));
		String csv = "Name,Adresse IP\n" + this.prefix + "known,192.0.2.6\n" + this.prefix + "known2,192.0.2.7\n";

		String upload = keep(csv.getBytes(StandardCharsets.UTF_8));
		assertThat(this.imports.preview(upload, null).mapping()).containsExactly("name", "address");
		MachineImport first = run(this.imports.submit(upload, "update.csv", List.of("name", "address"),
				MachineImportMode.GOOD_ROWS, null, "admin"));
		assertThat(first.updated()).isEqualTo(1);
		assertThat(first.created()).isEqualTo(1);
		Machine updated = this.machines.get(existing.id());
		assertThat(updated.address()).isEqualTo("192.0.2.6");
		assertThat(updated.name()).isEqualTo(this.prefix + "known");
		assertThat(updated.sshPort()).isEqualTo(2222);
		assertThat(updated.macAddresses()).containsExactly("AA:BB:CC:00:00:01");
		assertThat(updated.tags()).containsExactly("keep");
		assertThat(updated.version()).isEqualTo(existing.version() + 1);

		MachineImport again = run(this.imports.submit(keep(csv.getBytes(StandardCharsets.UTF_8)), "update.csv",
				List.of("name", "address"), MachineImportMode.GOOD_ROWS, null, "admin"));
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(this.machines.get(existing.id()).version()).isEqualTo(updated.version());
	}

	@Test
	void shouldImportAHundredThousandRowsShowingProgress() throws Exception {
		int rows = Integer.getInteger("bulk.rows", 100_000);
		Path file = Files.createTempFile("machines-", ".csv");
		try (Writer out = Files.newBufferedWriter(file)) {
			out.write("name;address;macAddresses;osFamily\n");
			for (int i = 0; i < rows; i++) {
				out.write(String.format("%sbulk-%06d;192.0.2.%d;02:00:00:%02x:%02x:%02x;linux%n", this.prefix, i,
						i % 250 + 1, (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff));
			}
		}
		String upload;
		try (var in = Files.newInputStream(file)) {
			upload = this.imports.keepUpload(in);
		}
		MachineImport submitted = this.imports.submit(upload, "bulk.csv",
				List.of("name", "address", "macAddresses", "osFamily"), MachineImportMode.ALL_OR_NOTHING, null,
				"admin");
		ExecutorService runner = Executors.newSingleThreadExecutor();
		try {
			Future<MachineImport> running = runner.submit(() -> this.imports.run(submitted.id()));
			List<Integer> progress = new ArrayList<>();
			await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
				MachineImport now = this.imports.get(submitted.id());
				if (now.state() == MachineImportState.READING && !progress.contains(now.rowsRead())) {
					progress.add(now.rowsRead());
				}
				return now.state().isFinished();
			});
			MachineImport done = running.get();

			assertThat(done.state()).as(String.valueOf(done.failure())).isEqualTo(MachineImportState.DONE);
			assertThat(done.rowsRead()).isEqualTo(rows);
			assertThat(done.created()).isEqualTo(rows);
			assertThat(progress).as("progress seen while reading").hasSizeGreaterThanOrEqualTo(3).isSorted();
			assertThat(this.jdbc.sql("select count(*) from machine where name like ?")
				.param(this.prefix + "bulk-%")
				.query(Long.class)
				.single()).isEqualTo(rows);
		}
		finally {
			runner.shutdownNow();
			// Other tests share the database: a hundred thousand machines would slow
			// them.
			this.jdbc.sql("delete from machine where name like ?").param(this.prefix + "bulk-%").update();
			Files.deleteIfExists(file);
		}
	}

	@Test
	void shouldForgetOldImportsAndAbandonedUploadsButKeepPendingOnes() throws Exception {
		MachineImport old = importCsv(brokenFile(), MachineImportMode.GOOD_ROWS);
		String abandoned = keep("name,address\n".getBytes(StandardCharsets.UTF_8));
		String pending = keep(("name,address\n" + this.prefix + "later,192.0.2.9\n").getBytes(StandardCharsets.UTF_8));
		MachineImport waiting = this.imports.submit(pending, "later.csv", List.of("name", "address"),
				MachineImportMode.GOOD_ROWS, null, "admin");
		java.time.Instant twoDaysAgo = java.time.Instant.now().minus(Duration.ofDays(2));
		Path uploads = this.imports.properties().uploads();
		Files.setLastModifiedTime(uploads.resolve(abandoned + ".csv"),
				java.nio.file.attribute.FileTime.from(twoDaysAgo));
		Files.setLastModifiedTime(uploads.resolve(pending + ".csv"), java.nio.file.attribute.FileTime.from(twoDaysAgo));

		int forgotten = this.imports.forgetOldImports(java.time.Instant.now().plus(Duration.ofDays(31)));

		assertThat(forgotten).isPositive();
		assertThatThrownBy(() -> this.imports.get(old.id())).isInstanceOf(MachineImportNotFoundException.class);
		assertThat(this.imports.get(waiting.id()).state()).isEqualTo(MachineImportState.PENDING);
		assertThat(uploads.resolve(abandoned + ".csv")).doesNotExist();
		assertThat(uploads.resolve(pending + ".csv")).exists();
		assertThat(this.machines.findByName(this.prefix + "web")).as("the machines stay").isPresent();
	}

	private byte[] brokenFile() {
		String p = this.prefix;
		String c = this.credential;
		return String
			.join("\n", "name,address,macs,os,channel,port,user,credential,tags",
					p + "web,192.0.2.10,aa-bb-cc-dd-ee-01 AA:BB:CC:DD:EE:02,Debian,ssh,22,root," + c
							+ ",\"web;rack 4\"",
					p + "badmac,192.0.2.11,zz:zz,linux,ssh,22,root," + c + ",",
					p + "WEB,192.0.2.12,,linux,ssh,22,root,,", p + "nocred,192.0.2.13,,linux,ssh,22,root,nobody,",
					p + "short,192.0.2.14,", p + "db,192.0.2.15,,windows,agent,,,,")
			.concat("\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private MachineImport importCsv(byte[] csv, MachineImportMode mode) throws IOException {
		String upload = keep(csv);
		return run(this.imports.submit(upload, "machines.csv", MAPPING, mode, null, "admin"));
	}

	private MachineImport run(MachineImport submitted) {
		return this.imports.run(submitted.id());
	}

	private String keep(byte[] content) throws IOException {
		return this.imports.keepUpload(new ByteArrayInputStream(content));
	}

	private List<String> report(MachineImport done) {
		return this.imports.rows(done.id(), false, new PageRequest(0, 50))
			.content()
			.stream()
			.map((row) -> row.line() + " " + row.outcome() + " " + row.reason())
			.collect(Collectors.toList());
	}

}
