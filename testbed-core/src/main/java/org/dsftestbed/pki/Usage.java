package org.dsftestbed.pki;

/** What an end-entity certificate is for; decides its key usage and extended key usage. */
public enum Usage
{
	/** TLS server: EKU serverAuth, key usage incl. dataEncipherment, SANs from the spec. */
	SERVER,
	/** TLS client (an organization or a browser user): EKU clientAuth. */
	CLIENT,
	/** A client certificate that lacks the clientAuth EKU (serverAuth only): for negative tests. */
	CLIENT_WITHOUT_CLIENT_AUTH_EKU
}
