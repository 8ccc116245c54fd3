package parc.ui.network;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import parc.orchestrator.discovery.AddressScanService;
import parc.orchestrator.discovery.Device;
import parc.orchestrator.discovery.DeviceClass;
import parc.orchestrator.discovery.DeviceService;
import parc.orchestrator.discovery.DeviceSource;
import parc.orchestrator.discovery.DeviceState;
import parc.orchestrator.discovery.ElectedAgent;
import parc.orchestrator.discovery.InvalidDeviceException;
import parc.orchestrator.discovery.IpDiscoverElection;
import parc.orchestrator.discovery.Sweep;
import parc.orchestrator.discovery.SweepRunningException;
import parc.orchestrator.discovery.SweepService;
import parc.orchestrator.network.InvalidNetworkException;
import parc.orchestrator.network.Network;
import parc.orchestrator.network.NetworkDraft;
import parc.orchestrator.network.NetworkNotFoundException;
import parc.orchestrator.network.NetworkService;
import parc.orchestrator.network.NetworkSource;
import parc.orchestrator.network.NetworkSummary;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The JSON contract of {@code /api/networks}, {@code /api/devices}, {@code /api/scan} and
 * their problem documents; the services behind them are tested on PostgreSQL and against
 * network namespaces.
 */
@WebMvcTest({ NetworkApiController.class, DeviceApiController.class })
@WithMockUser(username = "alice", roles = "ADMIN")
class NetworkApiControllerTest {

	private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

	private static final Network LAB = new Network(7, "Lab", "198.51.100.0/24", 4, 24, "test lab", "Lyon",
			NetworkSource.LEARNED, false, null, AT, AT);

	private static final Device PRINTER = new Device(31, 7L, "198.51.100.12", "AA:BB:CC:DD:EE:01", null,
			DeviceClass.NETWORK_DEVICE_OR_PRINTER, List.of(9100), null, DeviceState.UNKNOWN, null, null, null,
			DeviceSource.SWEEP, null, AT, AT, 0);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	NetworkService networks;

	@MockitoBean
	SweepService sweeps;

	@MockitoBean
	DeviceService devices;

	@MockitoBean
	IpDiscoverElection ipDiscover;

	@MockitoBean
	AddressScanService scanner;

	@BeforeEach
	void lab() {
		Map<DeviceState, Long> counts = new EnumMap<>(DeviceState.class);
		counts.put(DeviceState.UNKNOWN, 2L);
		counts.put(DeviceState.IDENTIFIED, 1L);
		counts.put(DeviceState.MACHINE, 1L);
		counts.put(DeviceState.ABSENT, 0L);
		given(this.networks.summary(7)).willReturn(new NetworkSummary(LAB, 3));
		given(this.networks.get(7)).willReturn(LAB);
		given(this.devices.countsOnNetwork(7)).willReturn(counts);
		given(this.sweeps.lastOf(7)).willReturn(Optional.empty());
		given(this.ipDiscover.electedOn(7))
			.willReturn(List.of(new ElectedAgent(5, "srv-5", "srv-5-2026-12-01-00-00-00", AT, null)));
	}

	@Test
	void shouldAnswerANetworkWithItsCountsAndElectedAgentsInTheContractsNames() throws Exception {
		this.mvc.perform(get("/api/networks/7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.address").value("198.51.100.0/24"))
			.andExpect(jsonPath("$.source").value("LEARNED"))
			.andExpect(jsonPath("$.sweepable").value(true))
			.andExpect(jsonPath("$.counts.inventoriedMachines").value(3))
			.andExpect(jsonPath("$.counts.unknown").value(2))
			.andExpect(jsonPath("$.counts.identified").value(1))
			.andExpect(jsonPath("$.counts.machines").value(1))
			.andExpect(jsonPath("$.counts.absent").value(0))
			.andExpect(jsonPath("$.agents[0].deviceId").value("srv-5-2026-12-01-00-00-00"));
	}

	@Test
	void shouldNameTheFieldOfARefusedNetworkAnd404AnUnknownOne() throws Exception {
		given(this.networks.create(any(NetworkDraft.class), eq("alice")))
			.willThrow(new InvalidNetworkException("address", "224.0.0.0/24 is a multicast block: it cannot be swept"));
		given(this.networks.summary(99)).willThrow(new NetworkNotFoundException(99));

		this.mvc
			.perform(post("/api/networks").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"address\": \"224.0.0.0/24\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("address"))
			.andExpect(jsonPath("$.errors[0].message").value("224.0.0.0/24 is a multicast block: it cannot be swept"));
		this.mvc.perform(get("/api/networks/99")).andExpect(status().isNotFound());
	}

	@Test
	void shouldStartASweepWith202AndRefuseASecondWith409() throws Exception {
		Sweep running = new Sweep(40, 7, Sweep.State.RUNNING, "alice", AT, null, 254, 0, 0, null);
		given(this.sweeps.start(7, "alice", true)).willReturn(running);
		given(this.sweeps.start(7, "alice", false))
			.willThrow(new SweepRunningException(7, "sweep 40, started " + AT + " by alice is still running"));

		this.mvc
			.perform(post("/api/networks/7/sweeps").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"confirm\": true}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.state").value("RUNNING"))
			.andExpect(jsonPath("$.planned").value(254));
		this.mvc.perform(post("/api/networks/7/sweeps").with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("sweep 40, started " + AT + " by alice is still running"));
	}

	@Test
	void shouldListDevicesByStateAndIdentifyOne() throws Exception {
		given(this.devices.onNetwork(7, DeviceState.UNKNOWN, new PageRequest(0, 50)))
			.willReturn(new Page<>(List.of(PRINTER), 0, 50, 1));
		given(this.devices.identify(31, 3L, "hall printer", "alice")).willReturn(PRINTER);
		given(this.devices.identify(31, null, null, "alice"))
			.willThrow(new InvalidDeviceException("deviceTypeId", "Give a device type, a description, or both"));

		this.mvc.perform(get("/api/networks/7/devices?state=UNKNOWN"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].address").value("198.51.100.12"))
			.andExpect(jsonPath("$.content[0].deviceClass").value("NETWORK_DEVICE_OR_PRINTER"))
			.andExpect(jsonPath("$.content[0].openPorts[0]").value(9100))
			.andExpect(jsonPath("$.content[0].state").value("UNKNOWN"))
			.andExpect(jsonPath("$.content[0].source").value("SWEEP"));
		this.mvc
			.perform(put("/api/devices/31").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"deviceTypeId\": 3, \"description\": \"hall printer\"}"))
			.andExpect(status().isOk());
		this.mvc.perform(put("/api/devices/31").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("deviceTypeId"));
		this.mvc.perform(get("/api/networks/7/devices?state=SOMETIMES")).andExpect(status().isBadRequest());
	}

	@Test
	void shouldRefuseToScanWhatIsNotOneAddress() throws Exception {
		given(this.scanner.scan("; rm -rf /"))
			.willThrow(new InvalidDeviceException("address", "\"; rm -rf /\" is not an IP address"));

		this.mvc
			.perform(post("/api/scan").with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"address\": \"; rm -rf /\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("address"));
	}

}
