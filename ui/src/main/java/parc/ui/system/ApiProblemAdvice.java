package parc.ui.system;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import parc.orchestrator.agent.NoAgentReportedException;
import parc.orchestrator.agentless.MachineNotAgentlessException;
import parc.orchestrator.agentless.NoMacAddressException;
import parc.orchestrator.agentless.RemoteAccessException;
import parc.orchestrator.credential.CredentialInUseException;
import parc.orchestrator.credential.CredentialNotFoundException;
import parc.orchestrator.credential.DuplicateCredentialNameException;
import parc.orchestrator.credential.InvalidCredentialException;
import parc.orchestrator.deployment.DeploymentFinishedException;
import parc.orchestrator.deployment.DeploymentNotFoundException;
import parc.orchestrator.deployment.InvalidDeploymentOptionException;
import parc.orchestrator.deployment.InvalidDeploymentTargetException;
import parc.orchestrator.deployment.MachineNotInDeploymentException;
import parc.orchestrator.discovery.DeviceNotFoundException;
import parc.orchestrator.discovery.InvalidDeviceException;
import parc.orchestrator.discovery.SweepNotFoundException;
import parc.orchestrator.discovery.SweepRunningException;
import parc.orchestrator.filepull.FilePullNotFoundException;
import parc.orchestrator.group.DuplicateGroupNameException;
import parc.orchestrator.group.GroupChangeRefusedException;
import parc.orchestrator.group.GroupNotFoundException;
import parc.orchestrator.group.InvalidGroupException;
import parc.orchestrator.group.InvalidGroupExpressionException;
import parc.orchestrator.hostkey.HostKeyNotFoundException;
import parc.orchestrator.machine.DuplicateMachineNameException;
import parc.orchestrator.machine.MachineEditConflictException;
import parc.orchestrator.machine.MachineNotFoundException;
import parc.orchestrator.machine.UnknownCredentialException;
import parc.orchestrator.machineimport.InvalidMachineImportException;
import parc.orchestrator.machineimport.MachineImportNotFoundException;
import parc.orchestrator.network.InvalidNetworkException;
import parc.orchestrator.network.NetworkNotFoundException;
import parc.orchestrator.pkg.DuplicatePackageException;
import parc.orchestrator.pkg.InvalidPackageException;
import parc.orchestrator.pkg.PackageInUseException;
import parc.orchestrator.pkg.PackageNotFoundException;
import parc.orchestrator.processdesign.ProcessRefusedException;
import parc.orchestrator.processdesign.ProcessVersionNotFoundException;
import parc.orchestrator.quickaction.QuickActionRunNotFoundException;
import parc.orchestrator.schedule.InvalidScheduleException;
import parc.orchestrator.schedule.ScheduleNotFoundException;
import parc.orchestrator.teledeployment.InvalidMirrorException;
import parc.orchestrator.teledeployment.MirrorNotFoundException;

/**
 * Turns API failures into RFC 7807 problem documents. Validation problems carry an
 * {@code errors} list of {@code {field, message}} so a client knows which JSON field to
 * fix, e.g. {@code macAddresses[0]}. Ordered first: a REST controller is also a
 * {@code @Controller}, and the console's HTML error pages must not answer API calls.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail invalid(ConstraintViolationException ex) {
		List<FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldProblem(FieldProblem.jsonPath(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.sorted(FieldProblem.ORDER)
			.toList();
		return validationProblem(errors);
	}

	@ExceptionHandler({ MachineNotFoundException.class, CredentialNotFoundException.class,
			HostKeyNotFoundException.class, QuickActionRunNotFoundException.class, FilePullNotFoundException.class,
			PackageNotFoundException.class, DeploymentNotFoundException.class, GroupNotFoundException.class,
			MachineImportNotFoundException.class, MachineNotInDeploymentException.class, MirrorNotFoundException.class,
			ScheduleNotFoundException.class, NetworkNotFoundException.class, DeviceNotFoundException.class,
			SweepNotFoundException.class, ProcessVersionNotFoundException.class })
	ProblemDetail notFound(RuntimeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	/**
	 * A process version the engine refused: every reason, with the element it is about
	 * ({@code problems: [{elementId, reason}]}); nothing was deployed.
	 */
	@ExceptionHandler(ProcessRefusedException.class)
	ProblemDetail processRefused(ProcessRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The process was not deployed: " + ex.problems().size() + " problem(s)");
		problem.setProperty("problems", ex.problems());
		return problem;
	}

	@ExceptionHandler(InvalidCredentialException.class)
	ProblemDetail invalidCredential(InvalidCredentialException ex) {
		return validationProblem(List.of(new FieldProblem(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler(InvalidDeploymentOptionException.class)
	ProblemDetail invalidDeploymentOption(InvalidDeploymentOptionException ex) {
		return validationProblem(List.of(new FieldProblem("options." + ex.field(), ex.getMessage())));
	}

	@ExceptionHandler(InvalidDeploymentTargetException.class)
	ProblemDetail invalidDeploymentTarget(InvalidDeploymentTargetException ex) {
		return validationProblem(
				ex.problems().stream().map((problem) -> new FieldProblem("machineIds", problem)).toList());
	}

	@ExceptionHandler(InvalidMachineImportException.class)
	ProblemDetail invalidMachineImport(InvalidMachineImportException ex) {
		return validationProblem(List.of(new FieldProblem(ex.field(), inCallersLanguage(ex))));
	}

	/**
	 * A refusal that carries a message code, in the language of the request
	 * ({@code Accept-Language}); its English text otherwise.
	 */
	private String inCallersLanguage(RuntimeException ex) {
		if (ex instanceof org.springframework.context.MessageSourceResolvable resolvable
				&& getMessageSource() != null) {
			return getMessageSource().getMessage(resolvable, LocaleContextHolder.getLocale());
		}
		return ex.getMessage();
	}

	@ExceptionHandler(InvalidGroupException.class)
	ProblemDetail invalidGroup(InvalidGroupException ex) {
		return validationProblem(List.of(new FieldProblem(ex.field(), ex.getMessage())));
	}

	/**
	 * A dynamic group's expression that does not read: the problem gives the position
	 * (from 1) and the reason apart, so a client can point at the character.
	 */
	@ExceptionHandler(InvalidGroupExpressionException.class)
	ProblemDetail invalidExpression(InvalidGroupExpressionException ex) {
		ProblemDetail problem = validationProblem(List.of(new FieldProblem("expression", ex.getMessage())));
		problem.setTitle("Invalid expression");
		problem.setDetail("The expression is invalid " + ex.getMessage());
		problem.setProperty("position", ex.position());
		problem.setProperty("reason", ex.reason());
		return problem;
	}

	@ExceptionHandler(DuplicateGroupNameException.class)
	ProblemDetail duplicateGroup(DuplicateGroupNameException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("errors", List.of(new FieldProblem("name", "is already the name of one of your groups")));
		return problem;
	}

	@ExceptionHandler(InvalidPackageException.class)
	ProblemDetail invalidPackage(InvalidPackageException ex) {
		return validationProblem(List.of(new FieldProblem(ex.field(), ex.getMessage())));
	}

	/**
	 * A schedule Parc refuses; for a cron, the position of the error (from 1) beside the
	 * reason, so a client can point at it.
	 */
	@ExceptionHandler(InvalidNetworkException.class)
	ProblemDetail invalidNetwork(InvalidNetworkException ex) {
		return validationProblem(List.of(new FieldProblem(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler(InvalidDeviceException.class)
	ProblemDetail invalidDevice(InvalidDeviceException ex) {
		return validationProblem(List.of(new FieldProblem(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler(SweepRunningException.class)
	ProblemDetail sweepRunning(SweepRunningException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(InvalidScheduleException.class)
	ProblemDetail invalidSchedule(InvalidScheduleException ex) {
		ProblemDetail problem = validationProblem(List.of(new FieldProblem(ex.field(), ex.getMessage())));
		if (ex.position() >= 0) {
			problem.setProperty("position", ex.position() + 1);
		}
		return problem;
	}

	@ExceptionHandler(ControlCharacterException.class)
	ProblemDetail controlCharacter(ControlCharacterException ex) {
		return validationProblem(List.of(new FieldProblem(ex.field(), ControlCharacters.REFUSAL)));
	}

	@ExceptionHandler(InvalidMirrorException.class)
	ProblemDetail invalidMirror(InvalidMirrorException ex) {
		return validationProblem(List.of(new FieldProblem(ex.field(), ex.getMessage())));
	}

	@ExceptionHandler(DuplicatePackageException.class)
	ProblemDetail duplicatePackage(DuplicatePackageException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("errors", List.of(new FieldProblem("version", "exists already for this label")));
		return problem;
	}

	@ExceptionHandler(UnknownCredentialException.class)
	ProblemDetail unknownCredential(UnknownCredentialException ex) {
		return validationProblem(List.of(new FieldProblem("credentialId", "is not an existing credential")));
	}

	@ExceptionHandler(DuplicateCredentialNameException.class)
	ProblemDetail duplicateCredential(DuplicateCredentialNameException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("errors", List.of(new FieldProblem("name", "is already used by another credential")));
		return problem;
	}

	/**
	 * The request is sound but the state forbids it now: in use, wrong channel, no MAC.
	 */
	@ExceptionHandler({ CredentialInUseException.class, MachineNotAgentlessException.class, NoMacAddressException.class,
			PackageInUseException.class, DeploymentFinishedException.class, GroupChangeRefusedException.class })
	ProblemDetail conflict(RuntimeException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	/**
	 * The machine did not let Parc in: a gateway problem (502), with the failed step and,
	 * for a refused host key, both fingerprints.
	 */
	@ExceptionHandler(RemoteAccessException.class)
	ProblemDetail remoteAccess(RemoteAccessException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setTitle("Machine not reachable over SSH");
		problem.setProperty("step", ex.step().name());
		if (ex.presentedFingerprint() != null) {
			problem.setProperty("presentedFingerprint", ex.presentedFingerprint());
			problem.setProperty("knownFingerprint", ex.knownFingerprint());
		}
		return problem;
	}

	/** The services' refusals of bad values that Bean Validation cannot express. */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badValue(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(NoAgentReportedException.class)
	ProblemDetail noAgent(NoAgentReportedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(DuplicateMachineNameException.class)
	ProblemDetail duplicate(DuplicateMachineNameException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("errors", List.of(new FieldProblem("name", "is already used by another machine")));
		return problem;
	}

	@ExceptionHandler(MachineEditConflictException.class)
	ProblemDetail editConflict(MachineEditConflictException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("errors", List.of(new FieldProblem("version", "is not the machine's current version")));
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), error.getDefaultMessage()))
			.sorted(FieldProblem.ORDER)
			.toList();
		return ResponseEntity.badRequest().body(validationProblem(errors));
	}

	/**
	 * A query or path parameter that does not read as its type: name it, and for an enum
	 * list the values it takes.
	 */
	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: ex.getPropertyName();
		return ResponseEntity.badRequest()
			.body(validationProblem(
					List.of(new FieldProblem((name != null) ? name : "parameter", wrongValue(ex.getRequiredType())))));
	}

	/** What a value of the wrong type is told: for an enum, the values it takes. */
	private static String wrongValue(Class<?> expected) {
		return (expected != null && expected.isEnum()) ? "must be one of " + List.of(expected.getEnumConstants())
				: "has the wrong type";
	}

	/**
	 * A wrong type or enum value in the JSON body: name the field instead of quoting
	 * Jackson.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// A value a record's constructor refused (a malformed interval, a bad attempt
		// count): the constructor said which field and why.
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidDeploymentOptionException invalid) {
				return ResponseEntity.badRequest().body(invalidDeploymentOption(invalid));
			}
		}
		if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = FieldProblem.jsonPath(mismatch.getPath());
			String message = ControlCharacters.REFUSAL.equals(mismatch.getOriginalMessage()) ? ControlCharacters.REFUSAL
					: wrongValue((mismatch instanceof InvalidFormatException invalid) ? invalid.getTargetType() : null);
			return ResponseEntity.badRequest().body(validationProblem(List.of(new FieldProblem(field, message))));
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request body is not valid JSON for this endpoint");
		return ResponseEntity.badRequest().body(problem);
	}

	private static ProblemDetail validationProblem(List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"Invalid fields: " + String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList()));
		problem.setTitle("Validation failed");
		problem.setProperty("errors", errors);
		return problem;
	}

	/** One invalid field, named as in the JSON body. */
	record FieldProblem(String field, String message) {

		static final Comparator<FieldProblem> ORDER = Comparator.comparing(FieldProblem::field)
			.thenComparing(FieldProblem::message);

		/**
		 * Bean Validation paths on a service method look like
		 * {@code register.draft.macAddresses[0].<list
		 * element>}; the client only knows {@code macAddresses[0]}.
		 */
		static String jsonPath(String propertyPath) {
			String[] nodes = propertyPath.split("\\.");
			StringBuilder path = new StringBuilder();
			for (int i = 2; i < nodes.length; i++) {
				if (nodes[i].startsWith("<")) {
					continue;
				}
				if (!path.isEmpty() && !nodes[i].startsWith("[")) {
					path.append('.');
				}
				path.append(nodes[i]);
			}
			return path.isEmpty() ? propertyPath : path.toString();
		}

		static String jsonPath(List<JsonMappingException.Reference> references) {
			StringBuilder path = new StringBuilder();
			for (JsonMappingException.Reference reference : references) {
				if (reference.getFieldName() != null) {
					path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
				}
				else {
					path.append('[').append(reference.getIndex()).append(']');
				}
			}
			return path.toString();
		}

	}

}
