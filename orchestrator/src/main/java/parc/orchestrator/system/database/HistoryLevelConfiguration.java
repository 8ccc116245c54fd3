package parc.orchestrator.system.database;

import org.camunda.bpm.spring.boot.starter.jdbc.HistoryLevelDeterminator;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replaces the Camunda starter's history level determinator (it steps aside for a bean of
 * this name) by one that does not query a table a first start has not created yet.
 */
@Configuration(proxyBeanMethods = false)
class HistoryLevelConfiguration {

	@Bean(name = "historyLevelDeterminator")
	HistoryLevelDeterminator historyLevelDeterminator(JdbcTemplate jdbc, CamundaBpmProperties properties) {
		return new QuietHistoryLevelDeterminator(jdbc, properties);
	}

}
