package parc.ui.machineimport;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.machineimport.CsvPreview;
import parc.orchestrator.machineimport.InvalidMachineImportException;
import parc.orchestrator.machineimport.MachineImport;
import parc.orchestrator.machineimport.MachineImportMode;
import parc.orchestrator.machineimport.MachineImportService;
import parc.orchestrator.machineimport.MachineImportSource;
import parc.orchestrator.machineimport.MachineImportState;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The JSON contract of {@code /api/machine-imports}; the import itself is tested on
 * PostgreSQL.
 */
@WebMvcTest(MachineImportApiController.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class MachineImportApiControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MachineImportService imports;

	@Test
	void shouldStartAnImportWithTheHeadersMappingAndAnswerAccepted() throws Exception {
		given(this.imports.keepUpload(any())).willReturn("a5f0c1de-0000-4000-8000-000000000001");
		given(this.imports.preview("a5f0c1de-0000-4000-8000-000000000001", null))
			.willReturn(new CsvPreview(List.of("name", "ip"), List.of("name", "address"), List.of(), ',', null));
		given(this.imports.submit(eq("a5f0c1de-0000-4000-8000-000000000001"), eq("fleet.csv"),
				eq(List.of("name", "address")), eq(MachineImportMode.ALL_OR_NOTHING), any(), eq("alice")))
			.willReturn(new MachineImport(12, "fleet.csv", MachineImportSource.UPLOAD, MachineImportMode.ALL_OR_NOTHING,
					"UTF-8", List.of("name", "address"), MachineImportState.PENDING, 0, 0, 0, 0, 0, null, "alice",
					Instant.parse("2026-12-02T10:00:00Z"), null));

		this.mvc
			.perform(multipart("/api/machine-imports")
				.file(new MockMultipartFile("file", "fleet.csv", "text/csv", "name,ip\n".getBytes()))
				.param("mode", "ALL_OR_NOTHING")
				.with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value(12))
			.andExpect(jsonPath("$.state").value("PENDING"))
			.andExpect(jsonPath("$.mapping[1]").value("address"));
	}

	@Test
	void shouldNameTheMappingThatCannotRun() throws Exception {
		given(this.imports.keepUpload(any())).willReturn("a5f0c1de-0000-4000-8000-000000000002");
		given(this.imports.preview(any(), any()))
			.willReturn(new CsvPreview(List.of("x"), List.of("ignore"), List.of(), ',', null));
		given(this.imports.submit(any(), any(), any(), any(), any(), any()))
			.willThrow(new InvalidMachineImportException("mapping", "no column is mapped to name"));

		this.mvc
			.perform(multipart("/api/machine-imports")
				.file(new MockMultipartFile("file", "x.csv", "text/csv", "x\n".getBytes()))
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("mapping"))
			.andExpect(jsonPath("$.errors[0].message").value("no column is mapped to name"));
	}

}
