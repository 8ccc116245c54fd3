package parc.routes.agentdownload;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import parc.orchestrator.teledeployment.TeledeploymentService;

/** Registers the download server's servlet on {@code /download/*}, on every port. */
@Configuration(proxyBeanMethods = false)
class AgentDownloadConfiguration {

	@Bean
	ServletRegistrationBean<AgentDownloadServlet> agentDownloadServlet(TeledeploymentService teledeployment) {
		ServletRegistrationBean<AgentDownloadServlet> registration = new ServletRegistrationBean<>(
				new AgentDownloadServlet(teledeployment), AgentDownloadServlet.PATH + "/*");
		registration.setName("agentDownloads");
		return registration;
	}

}
