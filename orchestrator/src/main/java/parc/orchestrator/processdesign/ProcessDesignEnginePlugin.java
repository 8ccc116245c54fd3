package parc.orchestrator.processdesign;

import java.util.ArrayList;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.spring.SpringTransactionsProcessEngineConfiguration;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What the engine does for process design, whoever deploys: it checks each new version
 * ({@link CheckedBpmnParse}), records where it came from
 * ({@link ProcessVersionRecorder}), and lets expressions see only the beans processes may
 * name ({@link ProcessBeans}). Picked up by the Camunda Spring Boot starter as a process
 * engine plugin.
 */
@Component
class ProcessDesignEnginePlugin extends AbstractProcessEnginePlugin {

	private final ProcessVocabulary vocabulary;

	private final ProcessVersionRepository versions;

	private final ApplicationContext context;

	ProcessDesignEnginePlugin(ProcessVocabulary vocabulary, ProcessVersionRepository versions,
			ApplicationContext context) {
		this.vocabulary = vocabulary;
		this.versions = versions;
		this.context = context;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		ProcessBeans beans = new ProcessBeans(this.vocabulary, this.context);
		configuration.setBeans(beans);
		// The Spring factory made its expression manager, with every bean of the
		// application in reach, before any plugin ran: replaced here, before the engine
		// uses it.
		configuration.setExpressionManager(new SpringExpressionManager(this.context, beans));
		ProcessVersionCheck check = new ProcessVersionCheck(this.vocabulary);
		configuration.setBpmnParseFactory((parser) -> new CheckedBpmnParse(parser, check));
		if (configuration.getCustomPostDeployers() == null) {
			configuration.setCustomPostDeployers(new ArrayList<>());
		}
		String shippedName = (configuration instanceof SpringTransactionsProcessEngineConfiguration spring)
				? spring.getDeploymentName() : null;
		configuration.getCustomPostDeployers().add(new ProcessVersionRecorder(this.versions, shippedName));
	}

}
