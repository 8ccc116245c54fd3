package parc.ui.machineimport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.machineimport.InvalidMachineImportException;
import parc.orchestrator.machineimport.MachineImportMode;
import parc.orchestrator.machineimport.MachineImportProperties;
import parc.orchestrator.machineimport.MachineImportService;
import parc.orchestrator.system.csv.CsvFile;
import parc.orchestrator.system.paging.Page;
import parc.ui.system.PageLinks;

import static org.assertj.core.api.Assertions.catchRuntimeException;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An image given as the CSV file of machines is refused on upload, in the reader's
 * language, in the console and over the API. The refusal is the one {@link CsvFile} makes
 * of a real PNG's first bytes.
 */
@WebMvcTest({ MachineImportController.class, MachineImportApiController.class })
@Import(PageLinks.class)
@WithMockUser(username = "alice", roles = "ADMIN")
class MachineImportControllerTest {

	private static final byte[] PNG = java.util.HexFormat.of()
		.parseHex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MachineImportService imports;

	@MockitoBean
	AdminDataService adminData;

	@MockitoBean
	parc.orchestrator.group.GroupService groups;

	@BeforeEach
	void anImageAsTheFile(@TempDir Path folder) throws Exception {
		Path image = Files.write(folder.resolve("photo.png"), PNG);
		RuntimeException refusal = catchRuntimeException(() -> CsvFile.open(image, StandardCharsets.UTF_8));
		given(this.imports.keepUpload(any())).willReturn("a5f0c1de-0000-4000-8000-000000000002");
		given(this.imports.preview(any(), any())).willThrow(new InvalidMachineImportException("file", refusal));
		given(this.imports.list(any())).willReturn(new Page<>(List.of(), 0, 10, 0));
		given(this.imports.properties())
			.willReturn(new MachineImportProperties(folder, MachineImportMode.ALL_OR_NOTHING, null, null));
	}

	@Test
	void shouldSayOnUploadThatAnImageIsNotACsvFileInBothLanguages() throws Exception {
		this.mvc.perform(multipart("/machines/import").file(png()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("this is not a CSV file: it holds binary data")));
		this.mvc.perform(multipart("/machines/import").file(png()).param("lang", "fr").with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ce n&#39;est pas un fichier CSV : il contient des données")));
		this.mvc
			.perform(multipart("/api/machine-imports/preview").file(png())
				.header("Accept-Language", "fr")
				.accept(MediaType.APPLICATION_JSON)
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("ce n'est pas un fichier CSV")));
	}

	private static MockMultipartFile png() {
		return new MockMultipartFile("file", "photo.png", "image/png", PNG);
	}

}
