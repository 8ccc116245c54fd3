package parc.ui.settings;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.agent.AgentService;
import parc.orchestrator.agent.AgentSettings;
import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.DuplicateCriterion;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.inventory.InventorySettings;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest({ AgentSettingsController.class, AgentSettingsApiController.class })
@Import(PageLinks.class)
@WithMockUser(roles = "ADMIN")
class AgentSettingsControllerTest {

	static final AgentSettings SECURED = new AgentSettings(7, 12, true, "ocsuser", "{bcrypt}$2a$10$hash", "OCS Area",
			List.of("192.0.2.0/24"), "Site");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AgentService agents;

	@MockitoBean
	InventoryService inventories;

	@MockitoBean
	AdminDataService adminData;

	@BeforeEach
	void currentSettings() {
		given(this.agents.settings()).willReturn(SECURED);
		given(this.inventories.settings()).willReturn(InventorySettings.defaults());
	}

	@Test
	void shouldShowSettingsWithoutThePassword() throws Exception {
		this.mvc.perform(get("/settings/agents"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"OCS Area\"")))
			.andExpect(content().string(containsString("192.0.2.0/24")))
			.andExpect(content().string(not(containsString("bcrypt"))));
	}

	@Test
	void shouldSaveEveryFieldOfTheForm() throws Exception {
		this.mvc
			.perform(post("/settings/agents").with(csrf())
				.param("frequencyDays", "3")
				.param("prologFrequencyHours", "6")
				.param("inventoriesKept", "10")
				.param("duplicateCriteria", "SERIAL", "MAC_ADDRESS")
				.param("authenticationRequired", "true")
				.param("username", "agents")
				.param("password", "n3w-secret")
				.param("realm", "Parc agents")
				.param("allowedNetworks", "192.0.2.0/24\r\n198.51.100.7\r\n")
				.param("tagLabel", "Site"))
			.andExpect(redirectedUrl("/settings/agents"));

		verify(this.agents).updateSettings(
				argThat((AgentSettings settings) -> settings.frequencyDays() == 3
						&& settings.prologFrequencyHours() == 6 && settings.authenticationRequired()
						&& settings.allowedNetworks().equals(List.of("192.0.2.0/24", "198.51.100.7"))),
				eq("n3w-secret"));
		verify(this.inventories).updateSettings(
				new InventorySettings(10, EnumSet.of(DuplicateCriterion.SERIAL, DuplicateCriterion.MAC_ADDRESS)));
	}

	@Test
	void shouldShowRefusalOnThePage() throws Exception {
		given(this.agents.updateSettings(any(), any()))
			.willThrow(new IllegalArgumentException("'192.0.2/33' is not an address or network such as 192.0.2.0/24"));

		this.mvc
			.perform(post("/settings/agents").with(csrf())
				.param("frequencyDays", "0")
				.param("prologFrequencyHours", "10")
				.param("inventoriesKept", "5")
				.param("realm", "OCS")
				.param("allowedNetworks", "192.0.2/33")
				.param("tagLabel", "TAG"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("is not an address or network")));
	}

	@Test
	void shouldTellApiClientsWhetherAPasswordIsSetButNotWhichOne() throws Exception {
		this.mvc.perform(get("/api/settings/agents"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.passwordSet").value(true))
			.andExpect(jsonPath("$.realm").value("OCS Area"))
			.andExpect(jsonPath("$.passwordHash").doesNotExist());
	}

}
