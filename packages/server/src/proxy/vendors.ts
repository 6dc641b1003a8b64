/** How usage is read from a vendor's responses. */
export type UsageFormat = 'openai' | 'anthropic' | 'google' | 'ollama' | 'none';

/** What the proxy needs to know about one kind of upstream: data, no branches. */
export interface VendorProfile {
  /** Header that carries the key toward the vendor. */
  keyHeader: string;
  /** Prefix of the key inside that header (`Bearer `). */
  keyPrefix: string;
  usageFormat: UsageFormat;
}

/** Profiles by provider type. Custom targets use the profile of their wire format. */
export const vendorProfiles: Readonly<Record<string, VendorProfile>> = {
  openai: { keyHeader: 'authorization', keyPrefix: 'Bearer ', usageFormat: 'openai' },
  anthropic: { keyHeader: 'x-api-key', keyPrefix: '', usageFormat: 'anthropic' },
  google: { keyHeader: 'x-goog-api-key', keyPrefix: '', usageFormat: 'google' },
  ollama: { keyHeader: 'authorization', keyPrefix: 'Bearer ', usageFormat: 'ollama' },
  lmstudio: { keyHeader: 'authorization', keyPrefix: 'Bearer ', usageFormat: 'openai' },
  custom: { keyHeader: 'authorization', keyPrefix: 'Bearer ', usageFormat: 'openai' },
};

/** The profile for `provider`, falling back to the OpenAI-compatible one. */
export function vendorProfile(provider: string): VendorProfile {
  return vendorProfiles[provider] ?? (vendorProfiles.custom as VendorProfile);
}
