package parc.ui.inventory;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.inventory.InventoryImportResult;
import parc.orchestrator.inventory.InventoryImportService;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ InventoryImportController.class, InventoryImportApiController.class })
@Import(PageLinks.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class InventoryImportControllerTest {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	InventoryImportService imports;

	@Test
	void shouldImportEachFileAndShowEveryResult() throws Exception {
		given(this.imports.importFile(eq("pc-1.ocs"), any(), eq(InventoryImportResult.Channel.UPLOAD), eq("alice")))
			.willReturn(new InventoryImportResult("pc-1.ocs", InventoryImportResult.Channel.UPLOAD,
					InventoryImportResult.Status.IMPORTED, 5L, "pc-1", null, "alice", NOW));
		given(this.imports.importFile(eq("notes.xml"), any(), eq(InventoryImportResult.Channel.UPLOAD), eq("alice")))
			.willReturn(new InventoryImportResult("notes.xml", InventoryImportResult.Channel.UPLOAD,
					InventoryImportResult.Status.REJECTED, null, null, "Not well-formed XML", "alice", NOW));

		this.mvc
			.perform(multipart("/inventory/import")
				.file(new MockMultipartFile("files", "pc-1.ocs", null, new byte[] { 0x78 }))
				.file(new MockMultipartFile("files", "notes.xml", null, "<x".getBytes()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("imported (new machine)")))
			.andExpect(content().string(containsString("Not well-formed XML")));
	}

	@Test
	void shouldAnswerApiWithOneResultPerFile() throws Exception {
		given(this.imports.importFile(eq("pc-2.xml"), any(), eq(InventoryImportResult.Channel.API), eq("alice")))
			.willReturn(new InventoryImportResult("pc-2.xml", InventoryImportResult.Channel.API,
					InventoryImportResult.Status.UPDATED, 6L, "pc-2", null, "alice", NOW));

		this.mvc
			.perform(multipart("/api/inventory/imports")
				.file(new MockMultipartFile("files", "pc-2.xml", null, "<REQUEST/>".getBytes()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("UPDATED"))
			.andExpect(jsonPath("$[0].machineId").value(6));
		given(this.imports.recent(50)).willReturn(List.of());
	}

}
