package parc.ui.inventory;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.inventory.AdminData;
import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.machine.MachineService;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(MachineInventoryController.class)
@Import(PageLinks.class)
@WithMockUser(roles = "ADMIN")
class MachineInventoryControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MachineService machines;

	@MockitoBean
	InventoryService inventories;

	@MockitoBean
	AdminDataService adminData;

	@MockitoBean
	parc.orchestrator.agent.AgentService agents;

	@Test
	void shouldFilterSoftwareTabWithWildcard() throws Exception {
		givenDesktopInventory();

		this.mvc.perform(get("/machines/12/inventory/software").param("q", "open*server"))
			.andExpect(status().isOk())
			.andExpect(view().name(MachineInventoryController.INVENTORY_VIEW))
			.andExpect(content().string(containsString("openssh-server")))
			.andExpect(content().string(not(containsString(">vim<"))))
			.andExpect(content().string(containsString("1-1 of 1")));
	}

	@Test
	void shouldEscapeScriptTagsFromAgents() throws Exception {
		givenDesktopInventory();

		this.mvc.perform(get("/machines/12/inventory/software"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

	@Test
	void shouldShowNetworkTabInFrench() throws Exception {
		givenDesktopInventory();

		this.mvc.perform(get("/machines/12/inventory/network").param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Adresse MAC")))
			.andExpect(content().string(containsString("02:00:00:00:00:01")));
	}

	@Test
	void shouldShowSectionsWithNoTabOfTheirOwnOnTheOtherTabWithEveryFieldAnyRowHas() throws Exception {
		given(this.machines.get(12)).willReturn(ConsoleInventories.DEBIAN_DESKTOP);
		given(this.inventories.current(12)).willReturn(Optional.of(ConsoleInventories.WINDOWS_DESKTOP_INVENTORY));

		this.mvc.perform(get("/machines/12/inventory/other"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"section-registry\"")))
			.andExpect(content().string(containsString("Windows registry values")))
			.andExpect(content().string(containsString("C:\\Spotify.exe")))
			.andExpect(content().string(containsString(">hive<")))
			.andExpect(content().string(containsString("&lt;img src=x&gt;")))
			.andExpect(content().string(not(containsString("section-controllers"))));
		this.mvc.perform(get("/machines/12/inventory/devices"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"section-controllers\"")))
			.andExpect(content().string(not(containsString("section-registry"))));
	}

	@Test
	void shouldSayWhenNoInventoryArrivedYet() throws Exception {
		given(this.machines.get(12)).willReturn(ConsoleInventories.DEBIAN_DESKTOP);

		this.mvc.perform(get("/machines/12/inventory/hardware"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No inventory received yet.")));
	}

	@Test
	void shouldSaveTagAndFieldsFromForm() throws Exception {
		this.mvc.perform(post("/machines/12/admin-data").with(csrf()).param("tag", "LYON").param("field.room", "B12"))
			.andExpect(redirectedUrl("/machines/12"))
			.andExpect(flash().attribute("flashKey", "adminData.flash.saved"));

		verify(this.adminData).update(eq(12L),
				argThat((AdminData data) -> "LYON".equals(data.tag()) && "B12".equals(data.fields().get("room"))));
	}

	@Test
	void shouldSaveAgentOverridesAndKeepBlankFieldsOnTheServerSetting() throws Exception {
		this.mvc.perform(post("/machines/12/agent-overrides").with(csrf()).param("frequencyDays", "7"))
			.andExpect(redirectedUrl("/machines/12"))
			.andExpect(flash().attribute("flashKey", "agentOverrides.flash.saved"));

		verify(this.agents).updateOverrides(12, new parc.orchestrator.agent.AgentOverrides(7, null));
	}

	@Test
	void shouldSayWhenNoAgentReportedForOverrides() throws Exception {
		given(this.agents.updateOverrides(eq(12L), org.mockito.ArgumentMatchers.any()))
			.willThrow(new parc.orchestrator.agent.NoAgentReportedException(12));

		this.mvc.perform(post("/machines/12/agent-overrides").with(csrf()).param("frequencyDays", "7"))
			.andExpect(flash().attribute("flashKey", "agentOverrides.flash.noAgent"));
	}

	private void givenDesktopInventory() {
		given(this.machines.get(12)).willReturn(ConsoleInventories.DEBIAN_DESKTOP);
		given(this.inventories.current(12)).willReturn(Optional.of(ConsoleInventories.DEBIAN_DESKTOP_INVENTORY));
	}

}
