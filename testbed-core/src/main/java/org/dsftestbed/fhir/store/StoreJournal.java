package org.dsftestbed.fhir.store;

import java.util.List;

/**
 * Where a {@link ResourceStore} reports what it committed, so that its data can outlive the process (DSF: the FHIR
 * server's PostgreSQL database). Called while the store's write lock is held, in commit order; versions a failed
 * {@linkplain ResourceStore#atomically transaction} stored and removed again are never reported.
 */
public interface StoreJournal
{
	/** Keeps nothing: the store lives in memory only. */
	StoreJournal NONE = new StoreJournal()
	{
		@Override
		public void committed(List<ResourceStore.Version> versions)
		{
		}

		@Override
		public void purged(String type, String id)
		{
		}
	};

	/** New versions (created, updated or deleted resources), oldest first; one call per committed write or transaction. */
	void committed(List<ResourceStore.Version> versions);

	/** Every version of the resource was removed ({@link ResourceStore#permanentlyDelete}). */
	void purged(String type, String id);
}
