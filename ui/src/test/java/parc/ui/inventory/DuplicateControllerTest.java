package parc.ui.inventory;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.inventory.DuplicateCriterion;
import parc.orchestrator.inventory.DuplicateGroup;
import parc.orchestrator.inventory.DuplicateService;
import parc.orchestrator.machine.MachineService;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.ArgumentMatchers.any;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest({ DuplicateController.class, DuplicateApiController.class })
@Import(PageLinks.class)
@WithMockUser(roles = "ADMIN")
class DuplicateControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DuplicateService duplicates;

	@MockitoBean
	MachineService machines;

	@Test
	void shouldListGroupsOfTheChosenCriterion() throws Exception {
		given(this.duplicates.candidates(DuplicateCriterion.SERIAL))
			.willReturn(List.of(new DuplicateGroup(DuplicateCriterion.SERIAL, "sn-42",
					List.of(new DuplicateGroup.Member(3, "pc-old", Instant.parse("2026-01-01T00:00:00Z"), null,
							List.of("pc-old-2026-01-01-00-00-00")),
							new DuplicateGroup.Member(9, "pc-new", Instant.parse("2026-11-01T00:00:00Z"), null,
									List.of("pc-new-2026-11-01-00-00-00"))))));

		this.mvc.perform(get("/inventory/duplicates").param("criterion", "SERIAL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("sn-42")))
			.andExpect(content().string(containsString("pc-new-2026-11-01-00-00-00")));
	}

	@Test
	void shouldAnswerProblemDocumentsToABadMergeOrCriterion() throws Exception {
		given(this.duplicates.merge(List.of(5L)))
			.willThrow(new IllegalArgumentException("Choose at least two machines to merge"));
		given(this.duplicates.merge(List.of(5L, 5L)))
			.willThrow(new IllegalArgumentException("Choose at least two machines to merge"));

		for (String body : List.of("{\"machineIds\":[5]}", "{\"machineIds\":[5,5]}")) {
			this.mvc
				.perform(post("/api/inventory/duplicates/merge").with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content(body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("Choose at least two machines to merge"));
		}
		this.mvc.perform(get("/api/inventory/duplicates").param("criterion", "NOPE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("criterion"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("HOSTNAME")));
	}

	@Test
	void shouldAskForConfirmationBeforeMerging() throws Exception {
		given(this.machines.get(3)).willReturn(ConsoleInventories.DEBIAN_DESKTOP);
		given(this.machines.get(9)).willReturn(ConsoleInventories.DEBIAN_DESKTOP);

		this.mvc.perform(post("/inventory/duplicates/confirm").with(csrf()).param("machineId", "3", "9"))
			.andExpect(status().isOk())
			.andExpect(view().name(DuplicateController.CONFIRM_VIEW));

		verify(this.duplicates, never()).merge(any());
	}

	@Test
	void shouldRefuseToConfirmASingleMachine() throws Exception {
		this.mvc.perform(post("/inventory/duplicates/confirm").with(csrf()).param("machineId", "3"))
			.andExpect(redirectedUrl("/inventory/duplicates"));
	}

	@Test
	void shouldMergeAndOpenTheKeptMachine() throws Exception {
		given(this.duplicates.merge(List.of(3L, 9L))).willReturn(3L);
		given(this.machines.get(3)).willReturn(ConsoleInventories.DEBIAN_DESKTOP);

		this.mvc.perform(post("/inventory/duplicates/merge").with(csrf()).param("machineId", "3", "9"))
			.andExpect(redirectedUrl("/machines/3"));
	}

}
