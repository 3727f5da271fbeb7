CREATE TABLE "data_records" (
	"subject_id" uuid NOT NULL,
	"resource_code" text NOT NULL,
	"holding_line" text NOT NULL,
	"facts" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "data_records_subject_id_resource_code_pk" PRIMARY KEY("subject_id","resource_code")
);
--> statement-breakpoint
CREATE TABLE "proof_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"proof_id" uuid NOT NULL,
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
CREATE TABLE "proof_types" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"catalogue_code" char(21) NOT NULL,
	"issuing_line" text NOT NULL,
	"holder_kinds" text[] NOT NULL,
	"resources" text[] NOT NULL,
	"validity_days" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"template" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proof_types_catalogue_code_unique" UNIQUE("catalogue_code")
);
--> statement-breakpoint
CREATE TABLE "proofs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"holder_id" uuid NOT NULL,
	"type_code" text NOT NULL,
	"number" text NOT NULL,
	"identifier" text NOT NULL,
	"holder_kind" text NOT NULL,
	"holder_name" text NOT NULL,
	"holder_code" text NOT NULL,
	"holder_code_cipher" "bytea",
	"key_id" text,
	"issuer_department_id" uuid NOT NULL,
	"issuer_code" char(18) NOT NULL,
	"issuer_name" text NOT NULL,
	"region_code" char(12) NOT NULL,
	"purpose" text NOT NULL,
	"summary" text NOT NULL,
	"facts_used" jsonb NOT NULL,
	"document" jsonb NOT NULL,
	"document_digest" text NOT NULL,
	"signature" "bytea" NOT NULL,
	"signing_key_id" uuid NOT NULL,
	"verification_code" text NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone NOT NULL,
	"status_list_index" integer NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date NOT NULL,
	"requested_by_kind" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_name" text NOT NULL,
	"requested_by_department_id" uuid
);
--> statement-breakpoint
CREATE INDEX "data_records_resource_idx" ON "data_records" USING btree ("resource_code","updated_at");--> statement-breakpoint
CREATE INDEX "proof_events_proof_idx" ON "proof_events" USING btree ("proof_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "proofs_identifier_uq" ON "proofs" USING btree ("identifier");--> statement-breakpoint
CREATE UNIQUE INDEX "proofs_number_uq" ON "proofs" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "proofs_verification_code_uq" ON "proofs" USING btree ("verification_code");--> statement-breakpoint
CREATE UNIQUE INDEX "proofs_status_list_index_uq" ON "proofs" USING btree ("status_list_index");--> statement-breakpoint
CREATE INDEX "proofs_holder_idx" ON "proofs" USING btree ("holder_id","id");--> statement-breakpoint
CREATE INDEX "proofs_issuer_idx" ON "proofs" USING btree ("issuer_department_id","id");--> statement-breakpoint
CREATE INDEX "proofs_requester_idx" ON "proofs" USING btree ("requested_by_department_id","id");