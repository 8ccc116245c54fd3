package parc.ui.network;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.discovery.AddressScanService;
import parc.orchestrator.discovery.DeviceService;
import parc.orchestrator.discovery.DeviceState;
import parc.orchestrator.discovery.InvalidDeviceException;
import parc.orchestrator.discovery.IpDiscoverElection;
import parc.orchestrator.discovery.Sweep;
import parc.orchestrator.discovery.SweepRunningException;
import parc.orchestrator.discovery.SweepService;
import parc.orchestrator.network.InvalidNetworkException;
import parc.orchestrator.network.Network;
import parc.orchestrator.network.NetworkService;
import parc.orchestrator.network.NetworkSummary;
import parc.orchestrator.system.paging.Page;
import parc.orchestrator.system.paging.PageRequest;
import parc.ui.system.Flash;

/**
 * The Discovery pages: networks with what they hold, a network's devices and sweeps (the
 * counts of a running sweep rise on the page), scanning one address, and the device
 * types. Every user reads; admins declare, rename, ignore, sweep and scan.
 */
@Controller
@RequestMapping("/networks")
class NetworkController {

	static final String LIST_VIEW = "networks/networkList";

	static final String DETAIL_VIEW = "networks/networkDetail";

	static final String FORM_VIEW = "networks/networkForm";

	static final String DELETE_VIEW = "networks/confirmDeleteNetwork";

	static final String SCAN_VIEW = "networks/scan";

	static final String TYPES_VIEW = "networks/deviceTypes";

	private final NetworkService networks;

	private final SweepService sweeps;

	private final DeviceService devices;

	private final IpDiscoverElection ipDiscover;

	private final AddressScanService scanner;

	NetworkController(NetworkService networks, SweepService sweeps, DeviceService devices,
			IpDiscoverElection ipDiscover, AddressScanService scanner) {
		this.networks = networks;
		this.sweeps = sweeps;
		this.devices = devices;
		this.ipDiscover = ipDiscover;
		this.scanner = scanner;
	}

	@ModelAttribute("active")
	String active() {
		return "networks";
	}

	private NetworkView view(NetworkSummary summary) {
		long id = summary.network().id();
		return NetworkView.of(summary, this.devices.countsOnNetwork(id), this.sweeps.lastOf(id).orElse(null),
				this.ipDiscover.electedOn(id));
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "false") boolean ignored,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "25") int size, Model model) {
		Page<NetworkSummary> found = this.networks.list(q, ignored, new PageRequest(page, size));
		model.addAttribute("networks", new Page<>(found.content().stream().map(this::view).toList(), found.page(),
				found.size(), found.totalElements()));
		model.addAttribute("q", q);
		model.addAttribute("ignored", ignored);
		return LIST_VIEW;
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, @RequestParam(required = false) DeviceState state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
		model.addAttribute("network", view(this.networks.summary(id)));
		model.addAttribute("state", state);
		model.addAttribute("states", DeviceState.values());
		model.addAttribute("devices", this.devices.onNetwork(id, state, new PageRequest(page, size)));
		model.addAttribute("sweeps", this.sweeps.sweepsOf(id, new PageRequest(0, 10)).content());
		model.addAttribute("types", this.devices.types());
		model.addAttribute("machines", this.networks.machinesOn(id, new PageRequest(0, 100)));
		return DETAIL_VIEW;
	}

	/** A sweep's counts for the network page while it runs (the API takes Basic only). */
	@GetMapping(path = "/{id}/sweeps/{sweepId}/progress", produces = "application/json")
	@ResponseBody
	Map<String, Object> progress(@PathVariable long id, @PathVariable long sweepId) {
		Sweep sweep = this.sweeps.get(sweepId);
		Map<DeviceState, Long> counts = this.devices.countsOnNetwork(id);
		return Map.of("state", sweep.state(), "planned", sweep.planned(), "probed", sweep.probed(), "found",
				sweep.found(), "devices", counts);
	}

	@PostMapping("/{id}/sweeps")
	String startSweep(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm, Authentication user,
			RedirectAttributes redirect) {
		try {
			Sweep sweep = this.sweeps.start(id, user.getName(), confirm);
			Flash.success(redirect, "networks.flash.sweepStarted", sweep.id());
		}
		catch (InvalidNetworkException | SweepRunningException ex) {
			Flash.error(redirect, "networks.flash.sweepRefused", ex.getMessage());
			if (ex instanceof InvalidNetworkException invalid && "confirm".equals(invalid.field())) {
				redirect.addFlashAttribute("confirmSweep", true);
			}
		}
		return "redirect:/networks/" + id;
	}

	@PostMapping("/{id}/sweeps/{sweepId}/stop")
	String stopSweep(@PathVariable long id, @PathVariable long sweepId, Authentication user,
			RedirectAttributes redirect) {
		this.sweeps.stop(sweepId, user.getName());
		Flash.success(redirect, "networks.flash.sweepStopped", sweepId);
		return "redirect:/networks/" + id;
	}

	@GetMapping("/new")
	String createForm(Model model) {
		model.addAttribute("form", new NetworkForm());
		return FORM_VIEW;
	}

	@PostMapping("/new")
	String create(@ModelAttribute("form") NetworkForm form, BindingResult result, Authentication user,
			RedirectAttributes redirect) {
		return save(result, redirect, "networks.flash.created",
				() -> this.networks.create(form.toDraft(), user.getName()));
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Network network = this.networks.get(id);
		model.addAttribute("form", NetworkForm.of(network));
		model.addAttribute("network", network);
		return FORM_VIEW;
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") NetworkForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("network", this.networks.get(id));
		return save(result, redirect, "networks.flash.updated", () -> this.networks.update(id, form.toDraft()));
	}

	@GetMapping("/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("network", this.networks.get(id));
		return DELETE_VIEW;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		Network network = this.networks.get(id);
		try {
			this.networks.delete(id);
			Flash.success(redirect, "networks.flash.deleted", network.name());
			return "redirect:/networks";
		}
		catch (InvalidNetworkException ex) {
			Flash.error(redirect, "networks.flash.notDeleted", ex.getMessage());
			return "redirect:/networks/" + id;
		}
	}

	@GetMapping("/scan")
	String scanForm() {
		return SCAN_VIEW;
	}

	@PostMapping("/scan")
	String scan(@RequestParam(defaultValue = "") String address, Model model) {
		model.addAttribute("address", address);
		try {
			model.addAttribute("result", this.scanner.scan(address));
		}
		catch (InvalidDeviceException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return SCAN_VIEW;
	}

	@GetMapping("/device-types")
	String types(Model model) {
		model.addAttribute("types", this.devices.types());
		return TYPES_VIEW;
	}

	@PostMapping("/device-types")
	String createType(@RequestParam(defaultValue = "") String name, Authentication user, RedirectAttributes redirect) {
		try {
			this.devices.createType(name, user.getName());
			Flash.success(redirect, "deviceTypes.flash.created", name.strip());
		}
		catch (InvalidDeviceException ex) {
			Flash.error(redirect, "deviceTypes.flash.refused", ex.getMessage());
		}
		return "redirect:/networks/device-types";
	}

	@PostMapping("/device-types/{typeId}/delete")
	String deleteType(@PathVariable long typeId, RedirectAttributes redirect) {
		try {
			this.devices.deleteType(typeId);
			Flash.success(redirect, "deviceTypes.flash.deleted", typeId);
		}
		catch (InvalidDeviceException ex) {
			Flash.error(redirect, "deviceTypes.flash.refused", ex.getMessage());
		}
		return "redirect:/networks/device-types";
	}

	private String save(BindingResult result, RedirectAttributes redirect, String flashKey, Supplier<Network> saving) {
		try {
			Network network = saving.get();
			Flash.success(redirect, flashKey, network.name());
			return "redirect:/networks/" + network.id();
		}
		catch (InvalidNetworkException ex) {
			result.rejectValue(ex.field().equals("source") ? "address" : ex.field(), "", ex.getMessage());
		}
		return FORM_VIEW;
	}

}
