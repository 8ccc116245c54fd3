package parc.routes.inventoryimport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import parc.ocsagent.testsupport.CapturedAgentPayloads;
import parc.orchestrator.testsupport.PostgresBackedTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watched folder on the real file system and real PostgreSQL: the captured agent
 * inventory as {@code .xml} and as zlib {@code .ocs} is imported and moved to
 * {@code done/}; a broken file goes to {@code failed/} with its reason.
 */
@PostgresBackedTest(properties = { "camunda.bpm.job-execution.enabled=false", "spring.quartz.auto-startup=false",
		"parc.inventory.import-poll-ms=200" })
class InventoryImportRoutesTest {

	/** One folder for the context: a random placeholder would differ between readers. */
	static final Path FOLDER = Path.of("target", "import-test", UUID.randomUUID().toString()).toAbsolutePath();

	final Path folder = FOLDER;

	@DynamicPropertySource
	static void importFolder(DynamicPropertyRegistry registry) {
		registry.add("parc.inventory.import-dir", FOLDER::toString);
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldImportXmlAndOcsFilesAndMoveThemToDone() throws Exception {
		Files.createDirectories(this.folder);
		Files.writeString(this.folder.resolve("folder-xml.xml"), inventoryOf("folder-xml"));
		Files.write(this.folder.resolve("folder-ocs.ocs"), CapturedAgentPayloads.zlib(inventoryOf("folder-ocs")));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(this.folder.resolve("done/folder-xml.xml"))
					&& Files.exists(this.folder.resolve("done/folder-ocs.ocs")));

		assertThat(softwareOf("folder-xml")).isEqualTo(802);
		assertThat(softwareOf("folder-ocs")).isEqualTo(802);
		assertThat(this.jdbc.sql("select status from inventory_import where file_name = 'folder-ocs.ocs'")
			.query(String.class)
			.single()).isEqualTo("IMPORTED");
	}

	@Test
	void shouldMoveBrokenFileToFailedWithReason() throws Exception {
		Files.createDirectories(this.folder);
		Files.writeString(this.folder.resolve("truncated.xml"), inventoryOf("truncated").substring(0, 5000));

		Path reason = this.folder.resolve("failed/truncated.xml.reason.txt");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(this.folder.resolve("failed/truncated.xml")) && Files.exists(reason));

		assertThat(Files.readString(reason)).contains("Not well-formed XML");
		assertThat(this.jdbc.sql("select count(*) from machine where name = 'truncated'").query(Long.class).single())
			.isZero();
	}

	private long softwareOf(String name) {
		return this.jdbc.sql("""
				select count(*) from inventory_software s join machine m on m.id = s.machine_id where m.name = ?
				""").param(name).query(Long.class).single();
	}

	private static String inventoryOf(String host) {
		return CapturedAgentPayloads.inventoryOf(host, Math.abs(host.hashCode()));
	}

}
