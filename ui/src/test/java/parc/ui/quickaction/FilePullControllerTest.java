package parc.ui.quickaction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.filepull.FilePull;
import parc.orchestrator.filepull.FilePullNotFoundException;
import parc.orchestrator.filepull.FilePullService;
import parc.orchestrator.system.paging.Page;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ FilePullController.class, FilePullApiController.class })
@Import(PageLinks.class)
@WithMockUser(roles = "ADMIN")
class FilePullControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	FilePullService filePulls;

	@TempDir
	Path data;

	private static FilePull pull(FilePull.State state, String name) {
		return new FilePull(9, 7L, "web-01", "diag", state, name, 5L, null, "alice",
				Instant.parse("2026-12-01T10:00:00Z"), null, null);
	}

	@Test
	void shouldServeTheFileUnderASafeAttachmentName() throws Exception {
		Path file = Files.writeString(this.data.resolve("9"), "hello");
		given(this.filePulls.get(9)).willReturn(pull(FilePull.State.READY, "../etc/\npasswd"));
		given(this.filePulls.content(9)).willReturn(file);

		this.mvc.perform(get("/api/file-pulls/9/content"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("Content-Disposition", containsString("_etc__passwd")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(content().string("hello"));
	}

	@Test
	void shouldAnswer404UntilTheFileIsReady() throws Exception {
		given(this.filePulls.get(9)).willReturn(pull(FilePull.State.IN_PROGRESS, null));
		given(this.filePulls.content(9)).willThrow(new FilePullNotFoundException(9, "has no file to download"));

		this.mvc.perform(get("/api/file-pulls/9/content")).andExpect(status().isNotFound());
		this.mvc.perform(get("/file-pulls/9/download")).andExpect(status().isNotFound());
	}

	@Test
	void shouldListPullsWithTheirStateAndRefreshWhileOneRuns() throws Exception {
		given(this.filePulls.list(isNull(), any()))
			.willReturn(new Page<>(List.of(pull(FilePull.State.IN_PROGRESS, null)), 0, 25, 1));

		this.mvc.perform(get("/file-pulls"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("in progress")))
			.andExpect(content().string(containsString("id=\"auto-refresh\"")));
	}

}
