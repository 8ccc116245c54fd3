package parc.ui.inventory;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.agent.AgentService;
import parc.orchestrator.inventory.AdminDataService;
import parc.orchestrator.inventory.InventoryService;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The JSON names of {@code /api/machines/{id}/inventory} are a public contract (#4). */
@WebMvcTest(InventoryApiController.class)
@WithMockUser
class InventoryApiControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	InventoryService inventories;

	@MockitoBean
	AdminDataService adminData;

	@MockitoBean
	AgentService agents;

	@Test
	void shouldGiveSoftwareAsTopLevelArrayOfNamePublisherVersion() throws Exception {
		given(this.inventories.current(12)).willReturn(Optional.of(ConsoleInventories.DEBIAN_DESKTOP_INVENTORY));

		this.mvc.perform(get("/api/machines/12/inventory"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.machineId").value(12))
			.andExpect(jsonPath("$.source").value("OCS_AGENT"))
			.andExpect(jsonPath("$.software.length()").value(2))
			.andExpect(jsonPath("$.software[0].name").value("openssh-server"))
			.andExpect(jsonPath("$.software[0].publisher").value("Debian OpenSSH Maintainers"))
			.andExpect(jsonPath("$.software[0].version").value("1:9.2p1-2"))
			.andExpect(jsonPath("$.networks[0].ipaddress").value("192.0.2.2"))
			.andExpect(jsonPath("$.hardware.osname").value("Debian GNU/Linux 12"))
			.andExpect(jsonPath("$.accountInfo[0].key").value("TAG"))
			.andExpect(jsonPath("$.document").doesNotExist());
	}

	@Test
	void shouldAnswerNotFoundProblemWithoutInventory() throws Exception {
		this.mvc.perform(get("/api/machines/12/inventory")).andExpect(status().isNotFound());
	}

}
