package parc.orchestrator.quickaction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import parc.orchestrator.system.ParcProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuickActionCatalogTest {

	@TempDir
	Path data;

	@Test
	void shouldWriteTheExamplesAtFirstStart() {
		QuickActionCatalog catalog = new QuickActionCatalog(new ParcProperties(this.data));

		assertThat(catalog.actions()).extracting(QuickAction::id).contains("disk-usage", "uptime", "restart-service");
		assertThat(this.data.resolve(QuickActionCatalog.FILE)).exists();
		QuickAction restart = catalog.find("restart-service").orElseThrow();
		assertThat(restart.parameters()).containsExactly("service");
		assertThat(restart.label(Locale.FRENCH)).isEqualTo("Redémarrer un service");
		assertThat(restart.label(Locale.GERMAN)).isEqualTo("Restart a service");
		assertThat(catalog.problem()).isNull();
	}

	@Test
	void shouldReadAnEditAndKeepTheLastGoodCatalogWhenAnEditIsBroken() throws Exception {
		QuickActionCatalog catalog = new QuickActionCatalog(new ParcProperties(this.data));
		Path file = this.data.resolve(QuickActionCatalog.FILE);
		catalog.actions();
		Files.writeString(file, """
				actions:
				  - id: free-space
				    label: Free space
				    unix: df -h /
				""");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(catalog.actions()).extracting(QuickAction::id).containsExactly("free-space");

		Files.writeString(file, "actions:\n  - id: Bad Id\n    unix: x\n");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
		assertThat(catalog.actions()).extracting(QuickAction::id).containsExactly("free-space");
		assertThat(catalog.problem()).contains("Bad Id");
	}

	@Test
	void shouldRefuseDuplicatesScriptlessActionsAndYamlTags() {
		assertThatThrownBy(() -> QuickActionCatalog.parse("actions:\n  - {id: a, unix: x}\n  - {id: a, unix: y}\n"))
			.hasMessageContaining("twice");
		assertThatThrownBy(() -> QuickActionCatalog.parse("actions:\n  - {id: a}\n")).hasMessageContaining("script");
		// SafeConstructor: no object built from a tag in an administrator's file.
		assertThatThrownBy(() -> QuickActionCatalog.parse("actions: !!java.io.File [\"/etc\"]\n"))
			.isInstanceOf(RuntimeException.class);
	}

}
