package parc.routes.machineimport;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machineimport.MachineImport;
import parc.orchestrator.machineimport.MachineImportMode;
import parc.orchestrator.machineimport.MachineImportService;
import parc.orchestrator.machineimport.MachineImportSource;
import parc.orchestrator.machineimport.MachineImportState;
import parc.orchestrator.system.paging.PageRequest;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watched folder and the upload queue on the real file system and real PostgreSQL: a
 * good file dropped in {@code inbox/} is imported and moved to {@code done/}; one with a
 * bad row goes to {@code failed/} with its reason and nothing applied (the folder is
 * all-or-nothing); a confirmed upload runs on the queue and its file is filed away.
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
		"parc.machine-import.poll-ms=200" })
class MachineImportRoutesTest {

	/** One folder for the context: a random placeholder would differ between readers. */
	static final Path FOLDER = Path.of("target", "machine-import-test", UUID.randomUUID().toString()).toAbsolutePath();

	@DynamicPropertySource
	static void importFolder(DynamicPropertyRegistry registry) {
		registry.add("parc.machine-import.dir", FOLDER::toString);
	}

	@Autowired
	MachineImportService imports;

	@Autowired
	MachineService machines;

	final String prefix = "rt" + UUID.randomUUID().toString().substring(0, 6) + "-";

	@Test
	void shouldImportADroppedFileAndMoveItToDone() throws Exception {
		Path inbox = Files.createDirectories(FOLDER.resolve("inbox"));
		Files.writeString(inbox.resolve(this.prefix + "good.csv"),
				"Name;IP;OS\n" + this.prefix + "a;192.0.2.1;linux\n" + this.prefix + "b;192.0.2.2;windows\n");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> doneFiles().stream().anyMatch((name) -> name.endsWith(this.prefix + "good.csv")));

		assertThat(this.machines.findByName(this.prefix + "a")).isPresent();
		assertThat(this.machines.findByName(this.prefix + "b")).isPresent();
		MachineImport folder = this.imports.list(new PageRequest(0, 50))
			.content()
			.stream()
			.filter((run) -> run.fileName().equals(this.prefix + "good.csv"))
			.findFirst()
			.orElseThrow();
		assertThat(folder.source()).isEqualTo(MachineImportSource.FOLDER);
		assertThat(folder.mode()).isEqualTo(MachineImportMode.ALL_OR_NOTHING);
		assertThat(folder.created()).isEqualTo(2);
	}

	@Test
	void shouldMoveAFileWithABadRowToFailedWithItsReason() throws Exception {
		Path inbox = Files.createDirectories(FOLDER.resolve("inbox"));
		Files.writeString(inbox.resolve(this.prefix + "bad.csv"), "name,address,mac\n" + this.prefix
				+ "fine,192.0.2.3,\n" + this.prefix + "broken,192.0.2.4,not-a-mac\n");

		Path reason = FOLDER.resolve("failed").resolve(this.prefix + "bad.csv.reason.txt");
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(reason));

		assertThat(Files.readString(reason)).contains("1 row(s) have errors: nothing was applied");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Files.list(FOLDER.resolve("failed"))
				.anyMatch((file) -> file.getFileName().toString().endsWith(this.prefix + "bad.csv")));
		assertThat(this.machines.findByName(this.prefix + "fine")).isEmpty();
	}

	@Test
	void shouldRunAConfirmedUploadOnTheQueueAndFileItAway() throws Exception {
		String upload = this.imports.keepUpload(new ByteArrayInputStream(
				("name,address\n" + this.prefix + "up,192.0.2.5\n").getBytes(StandardCharsets.UTF_8)));

		MachineImport submitted = this.imports.submit(upload, "up.csv", List.of("name", "address"),
				MachineImportMode.GOOD_ROWS, null, "admin");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.imports.get(submitted.id()).state() == MachineImportState.DONE);
		assertThat(this.machines.findByName(this.prefix + "up")).isPresent();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> Files.exists(FOLDER.resolve("done").resolve(submitted.id() + "-up.csv")));
		assertThat(FOLDER.resolve("uploads").resolve(upload + ".csv")).doesNotExist();
	}

	private List<String> doneFiles() throws Exception {
		Path done = FOLDER.resolve("done");
		if (!Files.isDirectory(done)) {
			return List.of();
		}
		try (var files = Files.list(done)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

}
