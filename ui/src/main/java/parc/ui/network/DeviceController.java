package parc.ui.network;

import jakarta.validation.ConstraintViolationException;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.credential.CredentialService;
import parc.orchestrator.discovery.Device;
import parc.orchestrator.discovery.DeviceService;
import parc.orchestrator.discovery.InvalidDeviceException;
import parc.orchestrator.discovery.MakeMachineRequest;
import parc.orchestrator.machine.DuplicateMachineNameException;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.OsFamily;
import parc.ui.system.Flash;

/**
 * A found device's page: what discovery saw, and for admins, identify it or make it a
 * machine in one click.
 */
@Controller
@RequestMapping("/devices")
class DeviceController {

	static final String DETAIL_VIEW = "networks/deviceDetail";

	private final DeviceService devices;

	private final CredentialService credentials;

	DeviceController(DeviceService devices, CredentialService credentials) {
		this.devices = devices;
		this.credentials = credentials;
	}

	@ModelAttribute("active")
	String active() {
		return "networks";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model, Authentication user) {
		Device device = this.devices.get(id);
		model.addAttribute("device", device);
		model.addAttribute("types", this.devices.types());
		model.addAttribute("osFamilies", OsFamily.values());
		boolean admin = user.getAuthorities().stream().anyMatch((a) -> a.getAuthority().equals("ROLE_ADMIN"));
		if (admin) {
			model.addAttribute("credentials", this.credentials.list());
		}
		return DETAIL_VIEW;
	}

	@PostMapping("/{id}/identify")
	String identify(@PathVariable long id, @RequestParam(required = false) Long deviceTypeId,
			@RequestParam(required = false) String description, Authentication user, RedirectAttributes redirect) {
		try {
			Device device = this.devices.identify(id, deviceTypeId, description, user.getName());
			Flash.success(redirect, "devices.flash.identified", device.address());
		}
		catch (InvalidDeviceException ex) {
			Flash.error(redirect, "devices.flash.refused", ex.getMessage());
		}
		return "redirect:/devices/" + id;
	}

	@PostMapping("/{id}/machine")
	String makeMachine(@PathVariable long id, @RequestParam(required = false) Long credentialId,
			@RequestParam(required = false) String name, @RequestParam(required = false) OsFamily osFamily,
			RedirectAttributes redirect) {
		try {
			Machine machine = this.devices.makeMachine(id,
					new MakeMachineRequest(name, credentialId, osFamily, null, null));
			Flash.success(redirect, "devices.flash.madeMachine", machine.name());
			return "redirect:/machines/" + machine.id();
		}
		catch (InvalidDeviceException ex) {
			Flash.error(redirect, "devices.flash.refused", ex.getMessage());
		}
		catch (DuplicateMachineNameException | ConstraintViolationException ex) {
			// The registry's own refusals: a name taken, an address it does not accept.
			Flash.error(redirect, "devices.flash.refused", ex.getMessage());
		}
		return "redirect:/devices/" + id;
	}

}
