-- Per-app branding of the hosted challenge pages (issue 5): {"logo_url", "color"} as JSON, or NULL.
ALTER TABLE apps ADD COLUMN branding TEXT;
