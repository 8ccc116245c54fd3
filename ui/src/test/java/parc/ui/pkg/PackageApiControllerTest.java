package parc.ui.pkg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.pkg.AgentAction;
import parc.orchestrator.pkg.IncomingFile;
import parc.orchestrator.pkg.InvalidPackageException;
import parc.orchestrator.pkg.PackageFile;
import parc.orchestrator.pkg.PackageService;
import parc.orchestrator.pkg.SoftwarePackage;
import parc.orchestrator.system.paging.Page;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ PackageApiController.class, PackageController.class })
@Import(PageLinks.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class PackageApiControllerTest {

	private static final SoftwarePackage FIREFOX = new SoftwarePackage(5, 1, "Firefox", "115.6", "ESR", "./install.sh",
			OsFamily.LINUX, false, 2, 22, List.of(new PackageFile("install.sh", 18, "ab".repeat(32))), "alice",
			Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PackageService packages;

	private static MockMultipartFile metadata(String json) {
		return new MockMultipartFile("metadata", "", MediaType.APPLICATION_JSON_VALUE,
				json.getBytes(StandardCharsets.UTF_8));
	}

	private static String read(IncomingFile file) {
		try (var in = file.content().open()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void shouldCreateFromMetadataAndFilesParts() throws Exception {
		given(this.packages.createFromFiles(argThat(
				(draft) -> draft.label().equals("Firefox") && draft.osFamily() == OsFamily.LINUX && !draft.reboot()),
				argThat((files) -> files.size() == 2 && files.get(0).name().equals("install.sh")
						&& read(files.get(0)).equals("#!/bin/sh\n")),
				eq("alice")))
			.willReturn(FIREFOX);

		this.mvc
			.perform(multipart("/api/packages").file(metadata("""
					{"label": "Firefox", "version": "115.6", "description": "ESR", "command": "./install.sh",
					 "osFamily": "LINUX", "needsReboot": false}"""))
				.file(new MockMultipartFile("files", "install.sh", "text/plain", "#!/bin/sh\n".getBytes()))
				.file(new MockMultipartFile("files", "firefox.tar.bz2", "application/octet-stream", "blob".getBytes()))
				.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(5))
			.andExpect(jsonPath("$.files[0].sha256").value("ab".repeat(32)));
	}

	@Test
	void shouldNameTheMetadataWhenItIsNotJson() throws Exception {
		this.mvc
			.perform(multipart("/api/packages").file(metadata("label=Firefox"))
				.file(new MockMultipartFile("files", "a.sh", "text/plain", "x".getBytes()))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("metadata"));
	}

	@Test
	void shouldTakeAtMostOneSourceOfFilesAndNoneForACommandOnlyPackage() throws Exception {
		String json = "{\"label\": \"A\", \"version\": \"1\", \"command\": \"./a\", \"osFamily\": \"LINUX\"}";
		this.mvc.perform(multipart("/api/packages").file(metadata(json)).with(csrf())).andExpect(status().isCreated());
		verify(this.packages).createFromFiles(any(), eq(List.of()), eq("alice"));
		this.mvc
			.perform(multipart("/api/packages").file(metadata(json))
				.file(new MockMultipartFile("files", "a.sh", "text/plain", "x".getBytes()))
				.file(new MockMultipartFile("archive", "a.zip", "application/zip", "PK".getBytes()))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("files"));
	}

	@Test
	void shouldListPackagesWithTheirSizeInTheConsole() throws Exception {
		given(this.packages.find(eq("fire"), any())).willReturn(new Page<>(List.of(FIREFOX), 0, 25, 1));

		this.mvc.perform(get("/packages").param("q", "fire"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Firefox")))
			.andExpect(content().string(containsString(">22<")));
	}

	@Test
	void shouldSendTheAgentSettingsOfTheFormAndShowWhyOneIsRefused() throws Exception {
		given(this.packages.get(5)).willReturn(FIREFOX);
		given(this.packages.update(eq(5L), argThat((draft) -> "my-setup.sh".equals(draft.agent().launch()))))
			.willThrow(new InvalidPackageException("agent.launch", "the agent would launch 'my', not 'my-setup.sh'"));

		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/packages/5/edit")
				.param("label", "Firefox")
				.param("version", "115.6")
				.param("command", "./install.sh")
				.param("osFamily", "LINUX")
				.param("action", "LAUNCH")
				.param("launch", "my-setup.sh")
				.param("priority", "1")
				.param("fragmentSizeKb", "64")
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("the agent would launch &#39;my&#39;")));

		verify(this.packages).update(eq(5L), argThat((draft) -> draft.agent().action() == AgentAction.LAUNCH
				&& draft.agent().priority() == 1 && draft.agent().fragmentSizeKb() == 64));
	}

}
