package parc.ui.machine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.agent.refusal.AgentRefusalService;
import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.ProbeStatus;
import parc.orchestrator.agentless.StatusLight;
import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.hostkey.HostKey;
import parc.orchestrator.hostkey.HostKeyService;
import parc.orchestrator.inventory.AdminData;
import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.InventoryService;
import parc.orchestrator.machine.Channel;
import parc.orchestrator.machine.DuplicateMachineNameException;
import parc.orchestrator.machine.MachineDraft;
import parc.orchestrator.machine.MachineEditConflictException;
import parc.orchestrator.machine.MachineNotFoundException;
import parc.orchestrator.machine.MachineService;
import parc.orchestrator.machine.OsFamily;
import parc.orchestrator.system.paging.Page;
import parc.ui.system.PageLinks;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(MachineController.class)
@Import(PageLinks.class)
@WithMockUser(roles = "ADMIN")
class MachineControllerTest {

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

	@MockitoBean
	AgentlessService agentless;

	@MockitoBean
	HostKeyService hostKeys;

	@MockitoBean
	CredentialService credentials;

	@MockitoBean
	parc.orchestrator.filepull.FilePullService filePulls;

	@MockitoBean
	AgentRefusalService refusals;

	@BeforeEach
	void noInventoryYet() {
		given(this.adminData.get(anyLong())).willReturn(AdminData.empty());
		given(this.agents.overrides(anyLong())).willReturn(parc.orchestrator.agent.AgentOverrides.none());
		given(this.refusals.find(any(), any(), any())).willReturn(new Page<>(List.of(), 0, 10, 0));
	}

	@Test
	void shouldLeadFromTheMachineToItsAgentsRefusals() throws Exception {
		given(this.machines.get(7)).willReturn(ConsoleMachines.WEB_01);
		given(this.refusals.find(any(), eq(7L), any())).willReturn(new Page<>(List.of(), 0, 10, 2));

		this.mvc.perform(get("/machines/7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Requests refused from this machine&#39;s agent: 2")))
			.andExpect(content().string(containsString("href=\"/inventory/refused-agents?machineId=7\"")));
	}

	@Test
	void shouldListMachinesWithPagerAndKeepFilterInLinks() throws Exception {
		given(this.machines.find(any())).willReturn(new Page<>(List.of(ConsoleMachines.WEB_01), 0, 10, 11));

		this.mvc.perform(get("/machines?name=web&size=10"))
			.andExpect(status().isOk())
			.andExpect(view().name(MachineController.LIST_VIEW))
			.andExpect(model().attribute("name", "web"))
			.andExpect(content().string(containsString("web-01")))
			.andExpect(content().string(containsString("1-1 of 11")))
			.andExpect(content().string(containsString("href=\"/machines?name=web&amp;size=10&amp;page=1\"")));
	}

	@Test
	void shouldSpeakFrenchWhenAsked() throws Exception {
		given(this.machines.find(any())).willReturn(new Page<>(List.of(), 0, 25, 0));

		this.mvc.perform(get("/machines").param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Aucune machine enregistrée")))
			.andExpect(content().string(containsString("Déploiements")));
	}

	@Test
	void shouldShowDetails() throws Exception {
		given(this.machines.get(7)).willReturn(ConsoleMachines.WEB_01);

		this.mvc.perform(get("/machines/7"))
			.andExpect(status().isOk())
			.andExpect(view().name(MachineController.DETAILS_VIEW))
			.andExpect(content().string(containsString("deploy@192.0.2.10:22")));
	}

	@Test
	void shouldShowTheLightAndAChangedHostKeyWithBothFingerprints() throws Exception {
		given(this.machines.get(7)).willReturn(ConsoleMachines.WEB_01);
		given(this.agentless.lastProbe(7)).willReturn(Optional.of(new ProbeStatus(7, StatusLight.ORANGE, true, null,
				"no SSH answer on port 22 within 2000 ms", 2003, Instant.now().minusSeconds(180))));
		given(this.hostKeys.find("192.0.2.10", 22))
			.willReturn(Optional.of(new HostKey("192.0.2.10", 22, "ssh-ed25519", "SHA256:oldKeyOfWeb01", true,
					Instant.now(), null, null, "ssh-ed25519", "SHA256:newKeyOfWeb01", Instant.now())));

		this.mvc.perform(get("/machines/7"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ping only")))
			.andExpect(content().string(containsString("checked 3 minutes ago")))
			.andExpect(content().string(containsString("no SSH answer on port 22")))
			.andExpect(content().string(containsString("SHA256:oldKeyOfWeb01")))
			.andExpect(content().string(containsString("SHA256:newKeyOfWeb01")))
			.andExpect(content().string(containsString("id=\"accept-host-key\"")));
	}

	@Test
	void shouldShowEachMachinesLightInTheList() throws Exception {
		given(this.machines.find(any())).willReturn(new Page<>(List.of(ConsoleMachines.WEB_01), 0, 25, 1));
		given(this.agentless.lastProbes(List.of(7L))).willReturn(Map.of(7L,
				new ProbeStatus(7, StatusLight.GREEN, true, "SSH-2.0-OpenSSH_9.2", null, 12, Instant.now())));

		this.mvc.perform(get("/machines"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("SSH answers")))
			.andExpect(content().string(containsString("checked just now")));
	}

	@Test
	void shouldShowNotFoundPageForUnknownMachine() throws Exception {
		given(this.machines.get(99)).willThrow(new MachineNotFoundException(99));

		this.mvc.perform(get("/machines/99")).andExpect(status().isNotFound()).andExpect(view().name("notFound"));
	}

	@Test
	void shouldRegisterAndRedirectWithFlash() throws Exception {
		given(this.machines.register(any())).willReturn(ConsoleMachines.WEB_01);

		this.mvc
			.perform(post("/machines/new").with(csrf())
				.param("name", "web-01")
				.param("address", "192.0.2.10")
				.param("macAddresses", "aa:bb:cc:dd:ee:01\nAA-BB-CC-DD-EE-02")
				.param("osFamily", "LINUX")
				.param("channel", "AGENTLESS_SSH")
				.param("tags", "web, prod"))
			.andExpect(redirectedUrl("/machines/7"))
			.andExpect(flash().attribute("flashKey", "machines.flash.created"));

		verify(this.machines)
			.register(new MachineDraft("web-01", "192.0.2.10", List.of("aa:bb:cc:dd:ee:01", "AA-BB-CC-DD-EE-02"),
					OsFamily.LINUX, Channel.AGENTLESS_SSH, null, null, null, List.of("web", "prod"), null, null));
	}

	@Test
	void shouldShowServiceValidationOnTheFormFields() throws Exception {
		MachineDraft bad = new MachineDraft("web-01", "not a host", List.of("zz"), OsFamily.LINUX,
				Channel.AGENTLESS_SSH, null, null, null, null, null, null);
		given(this.machines.register(any())).willThrow(ConsoleMachines.rejectionOf(bad));

		this.mvc
			.perform(post("/machines/new").with(csrf())
				.param("name", "web-01")
				.param("address", "not a host")
				.param("macAddresses", "zz")
				.param("osFamily", "LINUX")
				.param("channel", "AGENTLESS_SSH"))
			.andExpect(status().isOk())
			.andExpect(view().name(MachineController.FORM_VIEW))
			.andExpect(model().attributeHasFieldErrors("form", "address", "macAddresses"))
			.andExpect(content().string(containsString("must be a MAC address such as AA:BB:CC:DD:EE:FF (zz)")));
	}

	@Test
	void shouldWordRefusalsForAnAdministratorWithoutEchoingLongValues() throws Exception {
		String longName = "n".repeat(400);
		for (String name : List.of("", longName)) {
			MachineDraft bad = new MachineDraft(name, "", null, OsFamily.LINUX, Channel.AGENTLESS_SSH, null, null, null,
					null, null, null);
			willThrow(ConsoleMachines.rejectionOf(bad)).given(this.machines).register(any());

			this.mvc
				.perform(post("/machines/new").with(csrf())
					.param("name", name)
					.param("address", "")
					.param("osFamily", "LINUX")
					.param("channel", "AGENTLESS_SSH"))
				.andExpect(status().isOk())
				.andExpect(
						content().string(containsString(name.isEmpty() ? "is required" : "is too long (255 at most)")))
				.andExpect(content().string(not(containsString("must not be blank"))))
				.andExpect(content().string(not(containsString("()"))))
				.andExpect(content().string(not(containsString("(" + longName))));
		}
	}

	@Test
	void shouldShowDuplicateNameOnTheNameField() throws Exception {
		given(this.machines.get(7)).willReturn(ConsoleMachines.WEB_01);
		given(this.machines.update(eq(7L), any())).willThrow(new DuplicateMachineNameException("web-02"));

		this.mvc
			.perform(post("/machines/7/edit").with(csrf())
				.param("name", "web-02")
				.param("address", "192.0.2.10")
				.param("osFamily", "LINUX")
				.param("channel", "AGENTLESS_SSH"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "name", "machines.error.duplicateName"))
			.andExpect(content().string(containsString("Another machine already has this name.")));
	}

	@Test
	void shouldReportUnreadablePortAsFieldErrorWithoutCallingService() throws Exception {
		this.mvc
			.perform(post("/machines/new").with(csrf())
				.param("name", "web-01")
				.param("address", "192.0.2.10")
				.param("sshPort", "twenty-two")
				.param("osFamily", "LINUX")
				.param("channel", "AGENTLESS_SSH"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "sshPort"));

		verify(this.machines, never()).register(any());
	}

	@Test
	void shouldAskForConfirmationBeforeDeleting() throws Exception {
		given(this.machines.get(7)).willReturn(ConsoleMachines.WEB_01);

		this.mvc.perform(get("/machines/7/delete"))
			.andExpect(status().isOk())
			.andExpect(view().name(MachineController.DELETE_VIEW))
			.andExpect(content().string(containsString("Delete machine web-01 (192.0.2.10)")));
		verify(this.machines, never()).delete(7);

		this.mvc.perform(post("/machines/7/delete").with(csrf()))
			.andExpect(redirectedUrl("/machines"))
			.andExpect(flash().attribute("flashKey", "machines.flash.deleted"));
		verify(this.machines).delete(7);
	}

	@Test
	@WithMockUser(roles = "USER")
	void shouldHideChangeButtonsFromReadOnlyUsers() throws Exception {
		given(this.machines.find(any())).willReturn(new Page<>(List.of(ConsoleMachines.WEB_01), 0, 25, 1));
		given(this.machines.get(7)).willReturn(ConsoleMachines.WEB_01);

		this.mvc.perform(get("/machines")).andExpect(content().string(not(containsString("id=\"new-machine\""))));
		this.mvc.perform(get("/machines/7")).andExpect(content().string(not(containsString("id=\"edit-machine\""))));
	}

	@Test
	void shouldPrefillEditForm() throws Exception {
		given(this.machines.get(7)).willReturn(ConsoleMachines.WEB_01);

		this.mvc.perform(get("/machines/7/edit"))
			.andExpect(status().isOk())
			.andExpect(model().attribute("form", hasProperty("tags", is("web"))))
			.andExpect(model().attribute("form", hasProperty("macAddresses", is("AA:BB:CC:DD:EE:01"))));
	}

	@Test
	void shouldTellTheEditorSomeoneElseChangedTheMachine() throws Exception {
		given(this.machines.get(7)).willReturn(ConsoleMachines.WEB_01);
		given(this.machines.update(eq(7L), any())).willThrow(new MachineEditConflictException(7, 3, 4));

		this.mvc
			.perform(post("/machines/7/edit").with(csrf())
				.param("name", "web-01")
				.param("address", "192.0.2.11")
				.param("osFamily", "LINUX")
				.param("channel", "AGENTLESS_SSH")
				.param("version", "3"))
			.andExpect(status().isOk())
			.andExpect(view().name(MachineController.FORM_VIEW))
			.andExpect(content().string(containsString("Someone else changed this machine")))
			.andExpect(content().string(containsString("name=\"version\" value=\"3\"")));

		verify(this.machines).update(eq(7L), argThat((draft) -> Integer.valueOf(3).equals(draft.version())));
	}

}
