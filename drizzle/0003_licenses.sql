CREATE SEQUENCE "public"."status_list_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "license_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"license_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"action" text NOT NULL,
	"reason" text,
	"actor_kind" text NOT NULL,
	"actor_id" text NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"details" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "license_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"catalogue_code" char(21) NOT NULL,
	"issuing_line" text NOT NULL,
	"holder_kinds" text[] NOT NULL,
	"validity" jsonb NOT NULL,
	"renewal_service_code" text,
	"fields" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "license_types_catalogue_code_unique" UNIQUE("catalogue_code")
);
--> statement-breakpoint
CREATE TABLE "licenses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"holder_id" uuid NOT NULL,
	"identifier" text NOT NULL,
	"type_code" text NOT NULL,
	"number" text NOT NULL,
	"serial" text NOT NULL,
	"version" integer NOT NULL,
	"previous_id" uuid,
	"holder_kind" text NOT NULL,
	"holder_name" text NOT NULL,
	"holder_code" text NOT NULL,
	"holder_code_cipher" "bytea",
	"key_id" text,
	"issuer_department_id" uuid NOT NULL,
	"issuer_code" char(18) NOT NULL,
	"issuer_name" text NOT NULL,
	"region_code" char(12) NOT NULL,
	"issued_on" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"status" text NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone,
	"fields" jsonb NOT NULL,
	"disclosure" text[] NOT NULL,
	"document_digest" text NOT NULL,
	"signature" "bytea",
	"signing_key_id" uuid,
	"signed_at" timestamp with time zone,
	"verification_code" text NOT NULL,
	"status_list_index" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"department_id" uuid NOT NULL,
	"public_key" text NOT NULL,
	"private_key_cipher" "bytea" NOT NULL,
	"key_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "license_events_license_idx" ON "license_events" USING btree ("license_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_identifier_uq" ON "licenses" USING btree ("identifier");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_verification_code_uq" ON "licenses" USING btree ("verification_code");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_status_list_index_uq" ON "licenses" USING btree ("status_list_index");--> statement-breakpoint
CREATE UNIQUE INDEX "licenses_type_serial_version_uq" ON "licenses" USING btree ("type_code","issuer_code","serial","version");--> statement-breakpoint
CREATE INDEX "licenses_holder_idx" ON "licenses" USING btree ("holder_id");--> statement-breakpoint
CREATE INDEX "licenses_issuer_idx" ON "licenses" USING btree ("issuer_department_id","id");--> statement-breakpoint
CREATE INDEX "licenses_expiry_idx" ON "licenses" USING btree ("valid_until","type_code");--> statement-breakpoint
CREATE INDEX "licenses_number_idx" ON "licenses" USING btree ("number");--> statement-breakpoint
CREATE INDEX "licenses_unsigned_idx" ON "licenses" USING btree ("created_at") WHERE signature is null;--> statement-breakpoint
CREATE INDEX "signing_keys_department_idx" ON "signing_keys" USING btree ("department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_keys_active_uq" ON "signing_keys" USING btree ("department_id") WHERE retired_at is null;