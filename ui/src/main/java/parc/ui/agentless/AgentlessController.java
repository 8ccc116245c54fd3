package parc.ui.agentless;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import parc.orchestrator.agentless.AgentlessService;
import parc.orchestrator.agentless.MachineNotAgentlessException;
import parc.orchestrator.agentless.NoMacAddressException;
import parc.orchestrator.agentless.ProbeStatus;
import parc.orchestrator.agentless.RemoteAccessException;
import parc.orchestrator.hostkey.HostKeyNotFoundException;
import parc.orchestrator.hostkey.HostKeyService;
import parc.orchestrator.machine.Machine;
import parc.orchestrator.machine.MachineService;
import parc.ui.system.Flash;

/**
 * The machine page's agentless buttons; each answers with a redirect back and a message.
 */
@Controller
@RequestMapping("/machines/{id}")
class AgentlessController {

	private final AgentlessService agentless;

	private final HostKeyService hostKeys;

	private final MachineService machines;

	AgentlessController(AgentlessService agentless, HostKeyService hostKeys, MachineService machines) {
		this.agentless = agentless;
		this.hostKeys = hostKeys;
		this.machines = machines;
	}

	@PostMapping("/probe")
	String probe(@PathVariable long id, RedirectAttributes redirect) {
		ProbeStatus status = this.agentless.probe(id);
		Flash.success(redirect, "light.flash." + status.light());
		return back(id);
	}

	@PostMapping("/collect")
	String collect(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		try {
			this.agentless.requestInventory(id, principal.getName());
			Flash.success(redirect, "agentless.flash.collectStarted");
		}
		catch (MachineNotAgentlessException ex) {
			Flash.error(redirect, "agentless.flash.notAgentless", ex.getMessage());
		}
		return back(id);
	}

	@PostMapping("/wake")
	String wake(@PathVariable long id, RedirectAttributes redirect) {
		Machine machine = this.machines.get(id);
		try {
			this.agentless.wake(id);
			Flash.success(redirect, "agentless.flash.woken", String.join(", ", machine.macAddresses()));
		}
		catch (NoMacAddressException ex) {
			Flash.error(redirect, "agentless.flash.noMac");
		}
		catch (RemoteAccessException ex) {
			Flash.error(redirect, "agentless.flash.failed", ex.getMessage());
		}
		return back(id);
	}

	/** "Accept new key": only the fingerprint the administrator was shown is accepted. */
	@PostMapping("/host-key/accept")
	String acceptHostKey(@PathVariable long id, @RequestParam String fingerprint, Principal principal,
			RedirectAttributes redirect) {
		Machine machine = this.machines.get(id);
		int port = (machine.sshPort() != null) ? machine.sshPort() : 22;
		try {
			this.hostKeys.acceptPresentedKey(machine.address(), port, fingerprint, principal.getName());
			Flash.success(redirect, "hostKey.flash.accepted", fingerprint);
		}
		catch (HostKeyNotFoundException ex) {
			Flash.error(redirect, "hostKey.flash.changedAgain");
		}
		return back(id);
	}

	@PostMapping("/host-key/approve")
	String approveHostKey(@PathVariable long id, @RequestParam String fingerprint, Principal principal,
			RedirectAttributes redirect) {
		Machine machine = this.machines.get(id);
		int port = (machine.sshPort() != null) ? machine.sshPort() : 22;
		try {
			this.hostKeys.approve(machine.address(), port, fingerprint, principal.getName());
			Flash.success(redirect, "hostKey.flash.approved", fingerprint);
		}
		catch (HostKeyNotFoundException ex) {
			Flash.error(redirect, "hostKey.flash.changedAgain");
		}
		return back(id);
	}

	private static String back(long id) {
		return "redirect:/machines/" + id;
	}

}
