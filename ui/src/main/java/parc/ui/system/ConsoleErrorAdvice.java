package parc.ui.system;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import parc.orchestrator.credential.CredentialNotFoundException;
import parc.orchestrator.deployment.DeploymentNotFoundException;
import parc.orchestrator.deployment.MachineNotInDeploymentException;
import parc.orchestrator.filepull.FilePullNotFoundException;
import parc.orchestrator.group.GroupNotFoundException;
import parc.orchestrator.machine.MachineNotFoundException;
import parc.orchestrator.machineimport.MachineImportNotFoundException;
import parc.orchestrator.pkg.PackageNotFoundException;
import parc.orchestrator.processdesign.ProcessVersionNotFoundException;
import parc.orchestrator.quickaction.QuickActionRunNotFoundException;
import parc.orchestrator.user.UserAccountNotFoundException;

/**
 * A missing record in the console is a readable 404 page, not a stack trace; a refused
 * character a 400 page that names the field.
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleErrorAdvice {

	static final String NOT_FOUND_VIEW = "notFound";

	static final String BAD_REQUEST_VIEW = "badRequest";

	@ExceptionHandler({ MachineNotFoundException.class, UserAccountNotFoundException.class,
			CredentialNotFoundException.class, QuickActionRunNotFoundException.class, FilePullNotFoundException.class,
			PackageNotFoundException.class, GroupNotFoundException.class, MachineImportNotFoundException.class,
			DeploymentNotFoundException.class, MachineNotInDeploymentException.class,
			ProcessVersionNotFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(RuntimeException ex, Model model) {
		model.addAttribute("detail", ex.getMessage());
		return NOT_FOUND_VIEW;
	}

	/** A filter or form field with a control character: the page names the field. */
	@ExceptionHandler(ControlCharacterException.class)
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String controlCharacter(ControlCharacterException ex, Model model) {
		model.addAttribute("field", ex.field());
		return BAD_REQUEST_VIEW;
	}

}
