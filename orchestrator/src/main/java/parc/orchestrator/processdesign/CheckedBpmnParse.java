package parc.orchestrator.processdesign;

import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * The engine's BPMN parse, followed by {@link ProcessVersionCheck} for a version being
 * deployed: each finding becomes a parse error on its element, so that the engine refuses
 * the whole deployment and its REST API answers 400 with every reason and element id, as
 * Camunda Modeler shows them. Definitions already deployed, parsed again into the cache,
 * are not checked: they run as they were accepted.
 */
class CheckedBpmnParse extends BpmnParse {

	private final ProcessVersionCheck check;

	CheckedBpmnParse(BpmnParser parser, ProcessVersionCheck check) {
		super(parser);
		this.check = check;
	}

	@Override
	protected void parseRootElement() {
		super.parseRootElement();
		if (this.deployment == null || !this.deployment.isNew() || hasErrors()) {
			return;
		}
		for (ProcessVersionCheck.Finding finding : this.check.check(this.rootElement, processExists())) {
			String id = finding.problem().elementId();
			if (id != null) {
				addError(finding.problem().reason(), finding.element(), id);
			}
			else {
				addError(finding.problem().reason(), finding.element());
			}
		}
	}

	/** Deployed already, or sent in another file of the same deployment. */
	private Predicate<String> processExists() {
		return (key) -> {
			for (ResourceEntity resource : this.deployment.getResources().values()) {
				String name = resource.getName();
				if ((name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml"))
						&& new String(resource.getBytes(), StandardCharsets.UTF_8).contains("id=\"" + key + "\"")) {
					return true;
				}
			}
			return Context.getCommandContext()
				.getProcessDefinitionManager()
				.findLatestProcessDefinitionByKey(key) != null;
		};
	}

}
