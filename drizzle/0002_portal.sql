CREATE TABLE "portal_otp_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"phone_index" "bytea" NOT NULL,
	"code_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"consumed_at" timestamp with time zone,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "portal_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"phone_index" "bytea" NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"ip" text
);
--> statement-breakpoint
CREATE INDEX "portal_otp_codes_phone_idx" ON "portal_otp_codes" USING btree ("phone_index","created_at");--> statement-breakpoint
CREATE INDEX "portal_otp_codes_ip_idx" ON "portal_otp_codes" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "portal_sessions_expires_idx" ON "portal_sessions" USING btree ("expires_at");