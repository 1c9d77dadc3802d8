CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"filename" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by_id" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "liaison_forms" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"works" text NOT NULL,
	"to_department" text NOT NULL,
	"subject" text NOT NULL,
	"receiver_name" text,
	"received_at" timestamp with time zone,
	"reply_plan" text,
	"replied_at" timestamp with time zone,
	"repair_by" timestamp with time zone,
	"repaired_note" text,
	"repaired_at" timestamp with time zone,
	"resident_signature" text,
	"visit_comment" text,
	"visited_at" timestamp with time zone,
	"visited_by_name" text
);
--> statement-breakpoint
CREATE TABLE "liaison_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"source" text NOT NULL,
	"source_ticket_id" uuid,
	"building_id" uuid,
	"room_id" uuid,
	"location" text NOT NULL,
	"defect" text NOT NULL,
	"warranty_class" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_findings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"checkpoint_id" text NOT NULL,
	"checkpoint_label" text NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"category" text,
	"repair_ticket_id" uuid,
	"recorded_by_id" uuid NOT NULL,
	"recorded_by_name" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"route_id" uuid NOT NULL,
	"route_name" text NOT NULL,
	"checkpoints" jsonb NOT NULL,
	"status" text NOT NULL,
	"patroller_id" uuid NOT NULL,
	"patroller_name" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_minutes" integer,
	"summary" text
);
--> statement-breakpoint
CREATE TABLE "patrol_routes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"name" text NOT NULL,
	"checkpoints" jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrears" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"building_id" uuid NOT NULL,
	"owner_name" text DEFAULT '' NOT NULL,
	"fee_type" text NOT NULL,
	"period" text NOT NULL,
	"amount_owed_cents" integer NOT NULL,
	"amount_paid_cents" integer DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"created_by_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "arrears_chases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"method" text NOT NULL,
	"result" text NOT NULL,
	"promised_date" date,
	"note" text DEFAULT '' NOT NULL,
	"chased_by_id" text NOT NULL,
	"chased_by_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrears_households" (
	"room_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"clerk_id" uuid,
	"assigned_at" timestamp with time zone,
	"assigned_by_name" text,
	"last_chased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "arrears_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"arrears_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_vehicles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"plate_number" text NOT NULL,
	"vehicle_model" text NOT NULL,
	"driver_name" text NOT NULL,
	"ticket_id" uuid NOT NULL,
	"space_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "parking_applications" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"plate_number" text NOT NULL,
	"vehicle_model" text NOT NULL,
	"driver_name" text NOT NULL,
	"wanted_space_id" uuid,
	"space_id" uuid,
	"agreement_signed_at" timestamp with time zone,
	"paid_months" integer,
	"card_number" text,
	"valid_from" date,
	"valid_to" date,
	"rejection_reason" text,
	"cancel_reason" text
);
--> statement-breakpoint
CREATE TABLE "parking_payments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"amount_cents" integer NOT NULL,
	"months" integer NOT NULL,
	"receipt_no" text NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"recorded_by_id" text NOT NULL,
	"recorded_by_name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "parking_spaces" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"number" text NOT NULL,
	"zone" text NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"holder_ticket_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hot_work_inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"inspector_id" text NOT NULL,
	"inspector_name" text NOT NULL,
	"findings" text NOT NULL,
	"note" text,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hot_work_permits" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"applicant_company" text NOT NULL,
	"person_in_charge" text NOT NULL,
	"person_in_charge_phone" text NOT NULL,
	"operator_name" text NOT NULL,
	"operator_certificate_no" text NOT NULL,
	"work_type" text NOT NULL,
	"reason" text NOT NULL,
	"window_start_at" timestamp with time zone NOT NULL,
	"window_end_at" timestamp with time zone NOT NULL,
	"extinguisher_count" integer NOT NULL,
	"fire_watcher_name" text NOT NULL,
	"has_cleared_combustibles" boolean NOT NULL,
	"cs_approved_by_id" text,
	"cs_approved_by_name" text,
	"cs_approved_at" timestamp with time zone,
	"engineering_approved_by_id" text,
	"engineering_approved_by_name" text,
	"engineering_approved_at" timestamp with time zone,
	"issued_at" timestamp with time zone,
	"safety_notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_inspected_at" timestamp with time zone,
	"inspection_count" integer DEFAULT 0 NOT NULL,
	"rejection_reason" text,
	"closed_by_name" text,
	"close_note" text,
	"reapplied_from_id" uuid
);
--> statement-breakpoint
CREATE TABLE "goods_pass_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"day" text NOT NULL,
	"reviewed_by_id" text NOT NULL,
	"reviewed_by_name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goods_passes" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"applicant_name" text,
	"applicant_relation" text,
	"id_type" text,
	"id_last4" text,
	"authorisation" text,
	"carrier_name" text DEFAULT '' NOT NULL,
	"vehicle_plate" text DEFAULT '' NOT NULL,
	"planned_at" timestamp with time zone,
	"valid_until" timestamp with time zone,
	"issued_at" timestamp with time zone,
	"issued_by_id" text,
	"issued_by_name" text,
	"arrears_at_issue_cents" integer DEFAULT 0 NOT NULL,
	"override_reason" text,
	"override_by_id" text,
	"override_by_name" text,
	"override_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"released_by_id" text,
	"released_by_name" text,
	"gate_note" text,
	"returned_at" timestamp with time zone,
	"return_reason" text,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "renovation_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"code" text NOT NULL,
	"attachment_id" uuid NOT NULL,
	"is_signed" boolean NOT NULL,
	"is_current" boolean NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renovation_inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"booked_by" text NOT NULL,
	"cs_sign" jsonb,
	"eng_sign" jsonb,
	"outcome" text NOT NULL,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renovation_patrols" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"duty" text NOT NULL,
	"patrol_date" text NOT NULL,
	"status" text NOT NULL,
	"result" text,
	"note" text,
	"photo_attachment_id" uuid,
	"violation_id" uuid,
	"recorded_by_id" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "renovation_violations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"photo_attachment_id" uuid,
	"patrol_id" uuid,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"notice_number" text,
	"requirement" text,
	"deadline_at" timestamp with time zone,
	"notice_issued_by" text,
	"notice_issued_at" timestamp with time zone,
	"rechecks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rectified_at" timestamp with time zone,
	"is_stop_work" boolean DEFAULT false NOT NULL,
	"deduction_cents" integer DEFAULT 0 NOT NULL,
	"penalty_reason" text,
	"penalty_by" text,
	"penalty_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "renovations" (
	"ticket_id" uuid PRIMARY KEY NOT NULL,
	"company_id" uuid NOT NULL,
	"community_id" uuid NOT NULL,
	"applicant_name" text NOT NULL,
	"applicant_phone" text NOT NULL,
	"contractor_company" text NOT NULL,
	"contractor_contact" text NOT NULL,
	"contractor_phone" text NOT NULL,
	"planned_start_date" text NOT NULL,
	"planned_end_date" text NOT NULL,
	"work_items" jsonb NOT NULL,
	"description" text NOT NULL,
	"is_agreement_signed" boolean NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"last_return_reason" text,
	"cs_approved_by" text,
	"cs_approved_at" timestamp with time zone,
	"eng_approved_by" text,
	"eng_approved_at" timestamp with time zone,
	"fees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deposit_cents" integer DEFAULT 0 NOT NULL,
	"payment_receipt_number" text,
	"paid_at" timestamp with time zone,
	"paid_by" text,
	"permit_number" text,
	"permit_issued_at" timestamp with time zone,
	"permit_valid_from" text,
	"permit_valid_to" text,
	"inspection_passed_at" timestamp with time zone,
	"refund_due_date" text,
	"refund_appointment_at" timestamp with time zone,
	"refunded_at" timestamp with time zone,
	"refund_cents" integer,
	"refund_receipt_number" text,
	"refunded_by" text
);
--> statement-breakpoint
ALTER TABLE "liaison_forms" ADD CONSTRAINT "liaison_forms_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_items" ADD CONSTRAINT "liaison_items_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_findings" ADD CONSTRAINT "patrol_findings_round_id_patrol_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."patrol_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_rounds" ADD CONSTRAINT "patrol_rounds_route_id_patrol_routes_id_fk" FOREIGN KEY ("route_id") REFERENCES "public"."patrol_routes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears" ADD CONSTRAINT "arrears_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_chases" ADD CONSTRAINT "arrears_chases_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_households" ADD CONSTRAINT "arrears_households_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrears_payments" ADD CONSTRAINT "arrears_payments_arrears_id_arrears_id_fk" FOREIGN KEY ("arrears_id") REFERENCES "public"."arrears"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_applications" ADD CONSTRAINT "parking_applications_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parking_payments" ADD CONSTRAINT "parking_payments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hot_work_inspections" ADD CONSTRAINT "hot_work_inspections_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hot_work_permits" ADD CONSTRAINT "hot_work_permits_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goods_passes" ADD CONSTRAINT "goods_passes_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renovation_documents" ADD CONSTRAINT "renovation_documents_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renovation_inspections" ADD CONSTRAINT "renovation_inspections_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renovation_patrols" ADD CONSTRAINT "renovation_patrols_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renovation_violations" ADD CONSTRAINT "renovation_violations_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renovations" ADD CONSTRAINT "renovations_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachments_owner" ON "attachments" USING btree ("owner_kind","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "liaison_forms_scope" ON "liaison_forms" USING btree ("company_id","community_id");--> statement-breakpoint
CREATE INDEX "liaison_items_form" ON "liaison_items" USING btree ("ticket_id","seq");--> statement-breakpoint
CREATE INDEX "liaison_items_source" ON "liaison_items" USING btree ("company_id","community_id","source_ticket_id");--> statement-breakpoint
CREATE UNIQUE INDEX "patrol_findings_checkpoint" ON "patrol_findings" USING btree ("round_id","checkpoint_id");--> statement-breakpoint
CREATE INDEX "patrol_findings_scope" ON "patrol_findings" USING btree ("company_id","community_id","round_id");--> statement-breakpoint
CREATE INDEX "patrol_rounds_list" ON "patrol_rounds" USING btree ("company_id","community_id","status","started_at");--> statement-breakpoint
CREATE INDEX "patrol_rounds_day" ON "patrol_rounds" USING btree ("company_id","community_id","started_at");--> statement-breakpoint
CREATE INDEX "patrol_routes_scope" ON "patrol_routes" USING btree ("company_id","community_id","is_active","name");--> statement-breakpoint
CREATE UNIQUE INDEX "arrears_line" ON "arrears" USING btree ("company_id","room_id","fee_type","period");--> statement-breakpoint
CREATE INDEX "arrears_scope" ON "arrears" USING btree ("company_id","community_id","status","building_id");--> statement-breakpoint
CREATE INDEX "arrears_room" ON "arrears" USING btree ("room_id") WHERE status = 'owed';--> statement-breakpoint
CREATE INDEX "arrears_chases_room" ON "arrears_chases" USING btree ("company_id","community_id","room_id","at");--> statement-breakpoint
CREATE INDEX "arrears_households_clerk" ON "arrears_households" USING btree ("company_id","community_id","clerk_id");--> statement-breakpoint
CREATE INDEX "arrears_payments_line" ON "arrears_payments" USING btree ("company_id","community_id","arrears_id");--> statement-breakpoint
CREATE INDEX "household_vehicles_room" ON "household_vehicles" USING btree ("company_id","community_id","room_id","removed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "parking_applications_card" ON "parking_applications" USING btree ("company_id","community_id","card_number") WHERE card_number is not null;--> statement-breakpoint
CREATE INDEX "parking_applications_valid_to" ON "parking_applications" USING btree ("company_id","community_id","valid_to");--> statement-breakpoint
CREATE INDEX "parking_applications_room" ON "parking_applications" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "parking_payments_ticket" ON "parking_payments" USING btree ("ticket_id","paid_at");--> statement-breakpoint
CREATE UNIQUE INDEX "parking_spaces_number" ON "parking_spaces" USING btree ("company_id","community_id","number");--> statement-breakpoint
CREATE INDEX "parking_spaces_list" ON "parking_spaces" USING btree ("company_id","community_id","status","zone","number");--> statement-breakpoint
CREATE INDEX "hot_work_inspections_ticket" ON "hot_work_inspections" USING btree ("ticket_id","at");--> statement-breakpoint
CREATE INDEX "hot_work_permits_window" ON "hot_work_permits" USING btree ("company_id","community_id","window_start_at");--> statement-breakpoint
CREATE UNIQUE INDEX "goods_pass_reviews_day" ON "goods_pass_reviews" USING btree ("company_id","community_id","day");--> statement-breakpoint
CREATE INDEX "goods_passes_issued" ON "goods_passes" USING btree ("company_id","community_id","issued_at");--> statement-breakpoint
CREATE INDEX "goods_passes_released" ON "goods_passes" USING btree ("company_id","community_id","released_at");--> statement-breakpoint
CREATE INDEX "goods_passes_returned" ON "goods_passes" USING btree ("company_id","community_id","returned_at");--> statement-breakpoint
CREATE INDEX "goods_passes_ended" ON "goods_passes" USING btree ("company_id","community_id","ended_at");--> statement-breakpoint
CREATE INDEX "renovation_documents_ticket" ON "renovation_documents" USING btree ("ticket_id","code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "renovation_inspections_round" ON "renovation_inspections" USING btree ("ticket_id","round");--> statement-breakpoint
CREATE INDEX "renovation_inspections_list" ON "renovation_inspections" USING btree ("company_id","community_id","outcome","at");--> statement-breakpoint
CREATE UNIQUE INDEX "renovation_patrols_once" ON "renovation_patrols" USING btree ("ticket_id","duty","patrol_date");--> statement-breakpoint
CREATE INDEX "renovation_patrols_list" ON "renovation_patrols" USING btree ("company_id","community_id","patrol_date","duty","status");--> statement-breakpoint
CREATE INDEX "renovation_violations_ticket" ON "renovation_violations" USING btree ("ticket_id","seq");--> statement-breakpoint
CREATE INDEX "renovation_violations_open" ON "renovation_violations" USING btree ("company_id","community_id","status","deadline_at") WHERE status in ('recorded', 'notice_issued', 'overdue');--> statement-breakpoint
CREATE INDEX "renovations_refund_due" ON "renovations" USING btree ("company_id","community_id","refund_due_date");--> statement-breakpoint
CREATE INDEX "renovations_permit" ON "renovations" USING btree ("company_id","community_id","permit_valid_to");