package parc.routes.discovery;

import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

import parc.agentlessadapter.discovery.AddressScan;
import parc.agentlessadapter.discovery.AddressScanner;
import parc.agentlessadapter.discovery.NeighbourTable;
import parc.agentlessadapter.probe.Pinger;
import parc.orchestrator.discovery.AddressProber;
import parc.orchestrator.discovery.ProbeReport;
import parc.orchestrator.discovery.ProbeSettings;

/**
 * Probes addresses with the adapter's scanner, called directly rather than through a
 * Camel route: a sweep makes thousands of sub-second probes, which an exchange each would
 * only slow down, and there is nothing to route.
 */
@Component
class ScannerAddressProber implements AddressProber {

	/**
	 * Reverse DNS lookups, bounded by the probe's time limit; few, since only answers
	 * ask.
	 */
	private final ExecutorService lookups = Executors.newCachedThreadPool(new CustomizableThreadFactory("dns-"));

	private final AddressScanner scanner = new AddressScanner(Pinger.icmpOrTcpEcho(), new NeighbourTable(),
			this.lookups);

	@Override
	public ProbeReport probe(InetAddress address, ProbeSettings settings) {
		AddressScan scan = this.scanner.scan(address, settings.tcpPorts(), settings.timeout(), settings.reverseDns());
		return new ProbeReport(address.getHostAddress(), scan.echo(), scan.answered(), scan.openPorts(),
				scan.hostName(), scan.sshBanner(), scan.mac());
	}

	@PreDestroy
	void stop() {
		this.lookups.shutdownNow();
	}

}
